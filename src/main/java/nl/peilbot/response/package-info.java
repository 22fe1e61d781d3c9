/**
 * The MongoDB documents of responses and of the flow versions they were answered with; addressed by
 * {@code _id} per turn, each turn committed by inserting an immutable record into the {@code turns} log, which is
 * atomic for any number of instances.
 */
@ApplicationModule(allowedDependencies = {"engine", "flow", "lease"})
package nl.peilbot.response;

import org.springframework.modulith.ApplicationModule;
