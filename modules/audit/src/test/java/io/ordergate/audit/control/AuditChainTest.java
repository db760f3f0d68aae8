package io.ordergate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.audit.control.AuditChain.Content;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final Content RECORD = new Content(
            42,
            1_795_400_000_123_456L,
            "user",
            "admin",
            "job.retried",
            "done",
            "job",
            "7",
            "10.0.0.1",
            null,
            null,
            "{\"type\": \"scalepoint.fetch-order\"}");

    static Content with(int field, String value) {
        var f = new String[] {
            RECORD.actorType(),
            RECORD.actor(),
            RECORD.action(),
            RECORD.outcome(),
            RECORD.subjectType(),
            RECORD.subjectKey(),
            RECORD.source(),
            RECORD.requestId(),
            RECORD.payloadRef(),
            RECORD.detail()
        };
        f[field] = value;
        return new Content(
                RECORD.auditId(),
                RECORD.occurredAtMicros(),
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                f[7],
                f[8],
                f[9]);
    }

    @Test
    void theSameContentHashesAlike() {
        assertThat(AuditChain.contentHash(RECORD))
                .isEqualTo(AuditChain.contentHash(with(1, "admin")))
                .hasSize(32);
    }

    @Test
    void everyFieldCounts() {
        var original = AuditChain.contentHash(RECORD);
        for (int field = 0; field < 10; field++) {
            assertThat(AuditChain.contentHash(with(field, "changed")))
                    .as("field " + field)
                    .isNotEqualTo(original);
        }
        assertThat(AuditChain.contentHash(new Content(
                        43,
                        RECORD.occurredAtMicros(),
                        "user",
                        "admin",
                        "job.retried",
                        "done",
                        "job",
                        "7",
                        "10.0.0.1",
                        null,
                        null,
                        RECORD.detail())))
                .isNotEqualTo(original);
        assertThat(AuditChain.contentHash(new Content(
                        42,
                        RECORD.occurredAtMicros() + 1,
                        "user",
                        "admin",
                        "job.retried",
                        "done",
                        "job",
                        "7",
                        "10.0.0.1",
                        null,
                        null,
                        RECORD.detail())))
                .isNotEqualTo(original);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "user" + "admin" must not hash like "usera" + "dmin", and null must not hash like ""
        var shifted = new Content(
                42,
                RECORD.occurredAtMicros(),
                "usera",
                "dmin",
                "job.retried",
                "done",
                "job",
                "7",
                "10.0.0.1",
                null,
                null,
                RECORD.detail());
        assertThat(AuditChain.contentHash(shifted)).isNotEqualTo(AuditChain.contentHash(RECORD));
        assertThat(AuditChain.contentHash(with(7, ""))).isNotEqualTo(AuditChain.contentHash(RECORD));
    }

    @Test
    void eachLinkDependsOnItsPredecessorAndPosition() {
        var content = AuditChain.contentHash(RECORD);
        var first = AuditChain.chainHash(AuditChain.GENESIS, 1, content);

        assertThat(AuditChain.chainHash(AuditChain.GENESIS, 1, content)).isEqualTo(first);
        assertThat(AuditChain.chainHash(AuditChain.GENESIS, 2, content)).isNotEqualTo(first);
        assertThat(AuditChain.chainHash(first, 2, content))
                .isNotEqualTo(AuditChain.chainHash(AuditChain.GENESIS, 2, content));
    }
}
