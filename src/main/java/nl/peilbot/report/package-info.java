/**
 * The report generated from a wave's answers: a Markdown template per survey with placeholders for computed
 * figures, rendered as one HTML page with SVG charts and as a PDF, with its errors and hand-typed figures checked.
 */
@ApplicationModule(allowedDependencies = {"aggregation", "flow", "system"})
package nl.peilbot.report;

import org.springframework.modulith.ApplicationModule;
