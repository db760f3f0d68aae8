package io.ordergate.console.scalepoint;

import static io.ordergate.console.scalepoint.EventDraft.DELIVERY_PLANNED;
import static io.ordergate.console.scalepoint.EventDraft.DELIVERY_SHIPPED;
import static io.ordergate.console.scalepoint.EventDraft.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.scalepoint.boundary.PublishableEvent;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventDraftTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    @Test
    void aStatusChangeNeedsAStatusAndAcceptsAnOptionalTrackingNumber() {
        assertThat(EventDraft.statusProblem(STATUS_CHANGED, " ")).isEqualTo("Status is required.");
        assertThat(EventDraft.statusProblem(STATUS_CHANGED, "Shipped")).isNull();
        assertThat(EventDraft.statusProblem(STATUS_CHANGED, "Shipped!")).startsWith("Status: a word such as Shipped");
        assertThat(EventDraft.statusProblem(STATUS_CHANGED, "S".repeat(65))).isNotNull();
        assertThat(EventDraft.trackingNumberProblem(STATUS_CHANGED, null)).isNull();
        assertThat(EventDraft.trackingNumberProblem(STATUS_CHANGED, "TT 123"))
                .isEqualTo("Tracking number: 4 to 40 letters, digits or '-', no spaces.");
        assertThat(EventDraft.trackingNumberProblem(STATUS_CHANGED, "TT-123")).isNull();
    }

    @Test
    void fieldsAnEventTypeDoesNotCarryAreNeitherCheckedNorSent() {
        assertThat(EventDraft.statusProblem(DELIVERY_SHIPPED, "")).isNull();
        assertThat(EventDraft.expectedDeliveryDateProblem(STATUS_CHANGED, null, TODAY))
                .isNull();

        var draft = new EventDraft();
        draft.eventType = DELIVERY_SHIPPED;
        draft.status = "Shipped";
        draft.carrier = " PostNord ";
        draft.trackingNumber = "TT123";
        draft.comment = "";
        draft.expectedDeliveryDate = TODAY;

        assertThat(draft.payload().toString()).isEqualTo("{\"trackingNumber\":\"TT123\",\"carrier\":\"PostNord\"}");
    }

    @Test
    void aShipmentNeedsCarrierAndTrackingNumber() {
        assertThat(EventDraft.carrierProblem(DELIVERY_SHIPPED, null)).isEqualTo("Carrier is required.");
        assertThat(EventDraft.trackingNumberProblem(DELIVERY_SHIPPED, "")).isEqualTo("Tracking number is required.");
        assertThat(EventDraft.carrierProblem(STATUS_CHANGED, null)).isNull();
        assertThat(EventDraft.carrierProblem(DELIVERY_SHIPPED, "x".repeat(65)))
                .isEqualTo("Carrier: at most 64 characters.");
    }

    @Test
    void aPlannedDeliveryNeedsADateFromTodayOn() {
        assertThat(EventDraft.expectedDeliveryDateProblem(DELIVERY_PLANNED, null, TODAY))
                .isEqualTo("Expected delivery date is required.");
        assertThat(EventDraft.expectedDeliveryDateProblem(DELIVERY_PLANNED, TODAY.minusDays(1), TODAY))
                .isEqualTo("Expected delivery date must not be in the past.");
        assertThat(EventDraft.expectedDeliveryDateProblem(DELIVERY_PLANNED, TODAY, TODAY))
                .isNull();

        var draft = new EventDraft();
        draft.eventType = DELIVERY_PLANNED;
        draft.expectedDeliveryDate = TODAY.plusDays(2);
        draft.comment = "before noon";
        assertThat(draft.payload().toString())
                .isEqualTo("{\"expectedDeliveryDate\":\"2026-03-03\",\"comment\":\"before noon\"}");
    }

    @Test
    void theEventTypeMustBeOneOffered() {
        assertThat(EventDraft.eventTypeProblem(null)).isEqualTo("Choose the event type.");
        assertThat(EventDraft.eventTypeProblem(PublishableEvent.STOCK_LEVEL_CHANGED))
                .isEqualTo("Choose the event type.");
        assertThat(EventDraft.EVENT_TYPES)
                .allSatisfy(
                        type -> assertThat(EventDraft.eventTypeProblem(type)).isNull());
        assertThat(EventDraft.commentProblem("x".repeat(501))).isEqualTo("Comment: at most 500 characters.");
    }
}
