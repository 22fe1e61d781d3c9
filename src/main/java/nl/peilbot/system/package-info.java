/**
 * Cross-cutting configuration: the one clock, security for the organisers' API and the public chat.
 */
@ApplicationModule(allowedDependencies = {"outbox"})
package nl.peilbot.system;

import org.springframework.modulith.ApplicationModule;
