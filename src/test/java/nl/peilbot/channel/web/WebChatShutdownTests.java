package nl.peilbot.channel.web;

import static nl.peilbot.channel.web.ChatClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.PeilbotApplication;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.engine.Inbound;
import nl.peilbot.testsupport.FerretDb;

/**
 * Closing the application while a web chat turn runs: the turn still answers, then the chat is closed with 1001
 * and a reason, and nothing is logged with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebChatShutdownTests {

    private static final String HOLD = "hold this turn";

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void shouldFinishTheTurnInFlightAndThenCloseEveryChatWithGoingAway(CapturedOutput output) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PeilbotApplication.class)
                .initializers(app -> app.getBeanFactory().addBeanPostProcessor(holdingTurns()))
                .run("--server.port=0", "--spring.mongodb.uri=" + FerretDb.uri(FerretDb.uniqueDatabase("web_shutdown")),
                        "--peilbot.organiser.password=" + Invitations.PASSWORD);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        JsonMapper json = context.getBean(JsonMapper.class);
        ChatShutdown shutdown = context.getBean(ChatShutdown.class);
        Invitations.Invitation invitation = new Invitations(json, port).create();
        try (ChatClient chat = ChatClient.connect(json, port); ChatClient idle = ChatClient.connect(json, port)) {
            chat.send(Map.of("type", "hello", "token", invitation.token()));
            chat.turn();
            String id = chat.message("text", "text", HOLD);
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the turn started").isTrue();
            int linesBefore = output.getAll().length();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            await().atMost(Duration.ofSeconds(30)).until(() -> !shutdown.isRunning());
            release.countDown();

            List<JsonNode> frames = chat.turn();
            assertThat(type(frames.get(0))).isEqualTo("ack");
            assertThat(frames.get(0).get("id").stringValue()).as("the turn in flight answered").isEqualTo(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> chat.closeStatus() != null && idle.closeStatus() != null);
            assertThat(chat.closeStatus().getCode()).isEqualTo(1001);
            assertThat(chat.closeStatus().getReason()).isNotBlank();
            assertThat(idle.closeStatus().getCode()).isEqualTo(1001);
            closing.get(60, TimeUnit.SECONDS);
            String shutdownLog = output.getAll().substring(linesBefore);
            assertThat(shutdownLog).doesNotContain("\tat ").doesNotContain("Exception");
        } finally {
            release.countDown();
            context.close();
        }
    }

    /** Wraps the channels' {@link Conversations} so that a turn with {@link #HOLD} waits until released. */
    private BeanPostProcessor holdingTurns() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!name.equals("conversations") || !(bean instanceof Conversations conversations)) {
                    return bean;
                }
                return Proxy.newProxyInstance(Conversations.class.getClassLoader(), new Class<?>[] {Conversations.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("handle") && arguments[2] instanceof Inbound.Text text
                                    && text.text().equals(HOLD)) {
                                entered.countDown();
                                release.await(60, TimeUnit.SECONDS);
                            }
                            try {
                                return method.invoke(conversations, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
