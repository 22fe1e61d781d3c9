/**
 * The one way Peilbot reads and writes CSV for spreadsheets (Apache Commons CSV), with the guard against formula
 * injection in one place.
 */
@ApplicationModule(allowedDependencies = {})
package nl.peilbot.csv;

import org.springframework.modulith.ApplicationModule;
