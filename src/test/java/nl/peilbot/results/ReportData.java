package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.springframework.context.ApplicationEventPublisher;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;

/** Stores the 2020 report's 35 respondents (and the 2019 wave) as the aggregation's acceptance test does. */
public final class ReportData {

    public static final WaveId WAVE_2020 = new WaveId("ai-in-hospitals-2020", "2020");
    public static final WaveId WAVE_2019 = new WaveId("ai-in-hospitals-2019", "2019");

    private ReportData() {
    }

    public static ReportFixture load(ResponseStore responses, FlowSnapshots snapshots, ApplicationEventPublisher events,
                              Results results) {
        ReportFixture fixture2020 = new ReportFixture(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"),
                Path.of("conversation-flows/examples/ai-in-hospitals-2020-respondents.yaml"));
        store(fixture2020, responses, snapshots, events);
        for (ReportFixture.Coded coded : fixture2020.codings) {
            results.code(WAVE_2020, coded.responseId(), coded.questionId(), coded.part(), coded.categories());
        }
        store(new ReportFixture(Path.of("src/test/resources/aggregation/flow-2019.yaml"),
                Path.of("src/test/resources/aggregation/report-2019.yaml")), responses, snapshots, events);
        return fixture2020;
    }

    private static void store(ReportFixture fixture, ResponseStore responses, FlowSnapshots snapshots,
                              ApplicationEventPublisher events) {
        snapshots.saveIfAbsent(fixture.flow, fixture.flowYaml, ReportFixture.SUBMITTED);
        for (StoredResponse response : fixture.responses) {
            assertThat(responses.insert(response, fixture.flow)).isTrue();
            events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        }
    }
}
