/**
 * The Telegram channel: a bot that translates Telegram updates to {@link nl.peilbot.conversation.Conversations}
 * and the conversation's messages back to Telegram messages with inline keyboards, by long polling or webhook.
 * Off unless {@code TELEGRAM_BOT_TOKEN} is set.
 */
package nl.peilbot.channel.telegram;
