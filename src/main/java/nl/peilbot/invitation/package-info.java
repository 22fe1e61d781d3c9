/**
 * Invitations to answer a survey: secret tokens stored only as their SHA-256 hash, with the profile known
 * in advance, and the organisers' REST endpoint that creates them.
 */
@ApplicationModule(allowedDependencies = {"flow"})
package nl.peilbot.invitation;

import org.springframework.modulith.ApplicationModule;
