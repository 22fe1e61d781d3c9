/**
 * E-mail to invitees: invitations and reminders rendered from templates kept next to the flow, sent through the
 * durable outbox to an SMTP server at most once per (invitation, kind, attempt), with a one-click way to decline.
 */
package nl.peilbot.mail;
