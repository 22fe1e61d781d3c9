package nl.peilbot.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings ({@code peilbot.console.*}).
 *
 * @param publicUrl           where respondents reach the service, the start of every web link
 * @param telegramBotUsername the bot's username for Telegram deep links; blank for none
 * @param reminderInterval    a respondent is not reminded again within this time
 * @param maxReminders        nor more often than this
 * @param stuckAfter          an unfinished response counts as stuck once it has not moved for this long
 * @param liveRefresh         open dashboards of a wave are told to fetch again at most once per this time
 */
@ConfigurationProperties("peilbot.console")
record ConsoleProperties(String publicUrl, String telegramBotUsername, Duration reminderInterval, Integer maxReminders,
                         Duration stuckAfter, Duration liveRefresh) {

    ConsoleProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        telegramBotUsername = telegramBotUsername == null ? "" : telegramBotUsername.strip().replaceFirst("^@", "");
        reminderInterval = reminderInterval == null ? Duration.ofDays(7) : reminderInterval;
        maxReminders = maxReminders == null ? 3 : maxReminders;
        stuckAfter = stuckAfter == null ? Duration.ofDays(3) : stuckAfter;
        liveRefresh = liveRefresh == null || liveRefresh.isNegative() ? Duration.ofSeconds(1) : liveRefresh;
    }
}
