/**
 * The MongoDB documents of responses and of the flow versions they were answered with; addressed by
 * {@code _id} per turn, each turn committed by inserting an immutable record into the {@code turns} log, which is
 * atomic for any number of instances.
 *
 * <p>The one owner of the {@code responses} document: other modules read it through the {@code reader} named
 * interface ({@link nl.peilbot.response.ResponseReader} with typed views, {@link nl.peilbot.response.ResponseSelection}
 * for the one place filters are built, {@link nl.peilbot.response.ResponseStatus}), never as documents.
 */
@ApplicationModule(allowedDependencies = {"engine", "flow", "lease"})
package nl.peilbot.response;

import org.springframework.modulith.ApplicationModule;
