/**
 * The organisers' console: invitations (one by one or from a CSV), a live dashboard of progress per wave (never
 * answers), reminders, and opening, pausing and closing waves.
 */
@ApplicationModule(allowedDependencies = {"conversation", "csv", "flow", "invitation", "mail", "outbox", "response::events", "response::reader", "system"})
package nl.peilbot.console;

import org.springframework.modulith.ApplicationModule;
