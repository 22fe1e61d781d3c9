package nl.peilbot.channel.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether the bot runs at all (a token is set), and in which mode. */
final class TelegramConditions {

    private TelegramConditions() {
    }

    static boolean enabled(Environment environment) {
        String token = environment.getProperty("peilbot.telegram.token");
        return token != null && !token.isBlank();
    }

    static boolean webhook(Environment environment) {
        return "webhook".equalsIgnoreCase(environment.getProperty("peilbot.telegram.mode", "polling").strip());
    }

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }
    }

    static final class Disabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !enabled(context.getEnvironment());
        }
    }

    static final class Polling implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment()) && !webhook(context.getEnvironment());
        }
    }

    static final class Webhook implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment()) && webhook(context.getEnvironment());
        }
    }
}
