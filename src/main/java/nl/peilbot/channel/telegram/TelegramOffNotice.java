package nl.peilbot.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Says once, at start-up, that the bot is off because no token is configured. */
@Component
@Conditional(TelegramConditions.Disabled.class)
class TelegramOffNotice {

    private static final Logger log = LoggerFactory.getLogger(TelegramOffNotice.class);

    TelegramOffNotice() {
        log.info("Telegram bot is off: TELEGRAM_BOT_TOKEN is not set");
    }
}
