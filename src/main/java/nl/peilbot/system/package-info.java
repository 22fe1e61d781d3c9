/**
 * Cross-cutting configuration: the one clock, security for the organisers' API and the public chat.
 */
package nl.peilbot.system;
