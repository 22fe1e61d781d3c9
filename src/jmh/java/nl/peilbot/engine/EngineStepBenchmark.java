package nl.peilbot.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/**
 * One engine step (state + one answer -> new state + messages) per question kind of the real 2020 flow, without
 * any IO. Run with {@code mvn -B -P jmh verify} (README, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineStepBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    /** question kind: the step that has it, and the answer given. */
    @Param({"single-choice", "multiple-choice", "open-text", "open-list", "open-parts"})
    public String kind;

    private final ConversationEngine engine = new ConversationEngine(new BundleEngineMessages());
    private Flow flow;
    private ConversationState state;
    private Inbound answer;

    @Setup
    public void walkToTheStep() {
        flow = Flows.load(Path.of("conversation-flows", "ai-in-hospitals-2020.yaml"));
        String target = switch (kind) {
            case "single-choice" -> "familiarity";
            case "multiple-choice" -> "knownApplications";
            case "open-text" -> "potential";
            case "open-list" -> "experiments";
            case "open-parts" -> "expectedSupport";
            default -> throw new IllegalArgumentException(kind);
        };
        answer = switch (kind) {
            case "single-choice" -> new Inbound.Choice("familiar");
            case "multiple-choice" -> new Inbound.Text("1, 2");
            case "open-list" -> new Inbound.Text("Radiologie: beeldherkenning van longfoto's");
            default -> new Inbound.Text("Beeldherkenning in de radiologie");
        };
        state = engine.start(flow, Map.of("hospital", "Ziekenhuis Oost", "hospitalType", "topklinisch", "role", "cmio"),
                "nl", NOW);
        for (int turns = 0; !target.equals(step(engine.current(flow, state))); turns++) {
            if (turns > 50) {
                throw new IllegalStateException("never reached " + target);
            }
            state = engine.handle(flow, state, walkAnswer(step(engine.current(flow, state))), NOW).state();
        }
        if (!engine.handle(flow, state, answer, NOW).accepted()) {
            throw new IllegalStateException("the answer for " + kind + " is not accepted");
        }
    }

    private static String step(List<Outbound> messages) {
        return messages.stream().filter(Outbound.Ask.class::isInstance).map(m -> ((Outbound.Ask) m).stepId())
                .reduce((first, second) -> second).orElse("");
    }

    private static Inbound walkAnswer(String step) {
        return switch (step) {
            case "#consent" -> new Inbound.Choice("#yes");
            case "knownApplications", "drivers" -> new Inbound.Text("1, 2");
            case "scale" -> new Inbound.Text("1");
            case "familiarity" -> new Inbound.Choice("familiar");
            case "followsDevelopments" -> new Inbound.Choice("closely");
            case "policy", "aiChampion" -> new Inbound.Choice("no");
            case "workloadReduction" -> new Inbound.Choice("pct10");
            case "experiments", "implementations" -> new Inbound.Choice("#skip");
            default -> new Inbound.Text("Beeldherkenning");
        };
    }

    @Benchmark
    public Turn step() {
        return engine.handle(flow, state, answer, NOW);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(EngineStepBenchmark.class.getSimpleName()).build()).run();
    }
}
