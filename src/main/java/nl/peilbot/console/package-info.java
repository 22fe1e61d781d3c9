/**
 * The organisers' console: invitations (one by one or from a CSV), a live dashboard of progress per wave (never
 * answers), reminders, and opening, pausing and closing waves.
 */
package nl.peilbot.console;
