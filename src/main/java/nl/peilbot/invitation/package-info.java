/**
 * Invitations to answer a survey: secret tokens stored only as their SHA-256 hash, with the profile known
 * in advance, and the organisers' REST endpoint that creates them.
 */
package nl.peilbot.invitation;
