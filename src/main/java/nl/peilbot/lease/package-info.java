/**
 * Leases for scheduled work on several instances: a job runs on one instance per time slot, decided by an insert
 * (the one write that is atomic across connections on FerretDB as on MongoDB).
 */
@ApplicationModule(allowedDependencies = {})
package nl.peilbot.lease;

import org.springframework.modulith.ApplicationModule;
