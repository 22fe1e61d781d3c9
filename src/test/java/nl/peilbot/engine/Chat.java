package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/** Test driver: one conversation with the engine, checking the state invariants after every turn. */
final class Chat {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final BundleEngineMessages MESSAGES = new BundleEngineMessages();
    static final ConversationEngine ENGINE = new ConversationEngine(MESSAGES);
    static final Flow SMALL = flow("small.yaml");
    static final Flow HOSPITALS = flow("hospitals-2020.yaml");
    static final Flow LISTS = flow("lists.yaml");

    final Flow flow;
    ConversationState state;
    Instant now = T0;
    Turn last;

    Chat(Flow flow, Map<String, String> profile, String language) {
        this.flow = flow;
        this.state = ENGINE.start(flow, profile, language, now);
        assertThat(StateCheck.problems(flow, state)).isEmpty();
    }

    static Chat small() {
        return new Chat(SMALL, Map.of(), "nl");
    }

    /** The small flow with the profile given by the invitation and consent given: at the first question. */
    static Chat smallAtQuestions() {
        Chat chat = new Chat(SMALL, Map.of("hospital", "Ziekenhuis Oost", "role", "cmio"), "nl");
        chat.choice("#yes");
        return chat;
    }

    static Flow flow(String name) {
        try (InputStream in = Chat.class.getResourceAsStream("/flows/" + name)) {
            return Flows.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Turn send(Inbound input) {
        return sendAfter(5, input);
    }

    Turn sendAfter(long seconds, Inbound input) {
        now = now.plusSeconds(seconds);
        ConversationState before = state;
        last = ENGINE.handle(flow, state, input, now);
        assertThat(StateCheck.problems(flow, last.state())).as("state after %s", input).isEmpty();
        if (!last.accepted()) {
            assertThat(last.state()).isEqualTo(before);
        }
        state = last.state();
        return last;
    }

    Turn text(String text) {
        return send(new Inbound.Text(text));
    }

    Turn choice(String code) {
        return send(new Inbound.Choice(code));
    }

    Turn command(CommandName name, String argument) {
        return send(new Inbound.Command(name, argument));
    }

    Outbound.Ask ask() {
        Outbound lastMessage = last.messages().get(last.messages().size() - 1);
        assertThat(lastMessage).isInstanceOf(Outbound.Ask.class);
        return (Outbound.Ask) lastMessage;
    }

    String step() {
        return ask().stepId();
    }

    List<String> buttonCodes() {
        return ask().buttons().stream().map(Button::code).toList();
    }

    String says() {
        return last.messages().stream().filter(m -> m instanceof Outbound.Say).map(m -> ((Outbound.Say) m).text())
                .collect(Collectors.joining("\n"));
    }

    Answer answer(String id) {
        return state.answers().get(id);
    }

    String msg(String key, Object... arguments) {
        return MESSAGES.text(key, state.language(), arguments);
    }

    /** Answers the small flow's questions up to (not including) {@code stopAt}, with policy "ja". */
    Chat answerSmallUntil(String stopAt) {
        String[][] replies = {
                {"familiarity", "1"}, {"applications", "1, 2"}, {"policy", "ja"}, {"policyTopics", "Verantwoordelijkheid"},
                {"champion", "nee"}, {"experiments", "Radiologie: beeldherkenning"}, {"experiments", "klaar"},
                {"support", "Beeldherkenning"}, {"support", "Diagnostiek"}, {"concerns", "Kennis"}};
        for (String[] reply : replies) {
            if (reply[0].equals(stopAt)) {
                return this;
            }
            assertThat(state.currentStep()).isEqualTo(reply[0]);
            text(reply[1]);
            assertThat(last.accepted()).as("reply %s to %s", reply[1], reply[0]).isTrue();
        }
        return this;
    }
}
