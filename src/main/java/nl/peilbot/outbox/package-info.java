/**
 * The one durable outbox for everything Peilbot sends to the outside world (Telegram replies, results webhook
 * deliveries, e-mail): messages are stored in MongoDB before they are sent, sent at least once by a worker with
 * its own timeouts, retried with back-off, claimed by one instance at a time, and never dropped silently.
 */
@ApplicationModule(allowedDependencies = {})
package nl.peilbot.outbox;

import org.springframework.modulith.ApplicationModule;
