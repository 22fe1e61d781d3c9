/**
 * The MongoDB documents of responses and of the flow versions they were answered with; addressed by
 * {@code _id} per turn, written with an optimistic version guard.
 */
package nl.peilbot.response;
