/**
 * The report generated from a wave's answers: a Markdown template per survey with placeholders for computed
 * figures, rendered as one HTML page with SVG charts and as a PDF, with its errors and hand-typed figures checked;
 * analysts preview, edit and save a wave's template in the report editor.
 */
@ApplicationModule(allowedDependencies = {"aggregation", "flow", "system"})
package nl.peilbot.report;

import org.springframework.modulith.ApplicationModule;
