package io.ordergate.console.orders;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.fulfilment.boundary.OutboundCall;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.PublicationStatus;
import io.ordergate.scalepoint.boundary.ScalepointPublications.PublicationView;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order page's outbound part: each call owed to the platform ({@code ful_outbound}, with the
 * SCAYLE Admin API's attempts, last answer and {@code errors[]}) and each event published to
 * Scalepoint, with a Retry for a dead one when the user may change things.
 */
final class OutboundSection {

    private OutboundSection() {}

    static Grid<OutboundCall> calls(List<OutboundCall> calls, boolean mayRetry, Consumer<OutboundCall> retry) {
        var grid = Grids.detail(OutboundCall.class, "outbound");
        grid.setEmptyStateText("Nothing to tell the platform yet: no shipment, cancellation or return reported.");
        Grids.time(grid, "Reported", OutboundCall::createdAt);
        grid.addColumn(OutboundCall::platform).setHeader("Platform").setAutoWidth(true);
        grid.addColumn(OutboundCall::kind).setHeader("Kind").setAutoWidth(true);
        grid.addComponentColumn(call -> status(call.status(), "outbound-status-" + call.outboundId()))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(OutboundSection::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(call -> call.lastStatus() == null ? "" : String.valueOf(call.lastStatus()))
                .setHeader("HTTP status")
                .setAutoWidth(true);
        grid.addColumn(OutboundSection::error)
                .setHeader("Errors")
                .setWidth("16em")
                .setFlexGrow(1)
                .setTooltipGenerator(OutboundSection::error);
        if (mayRetry) {
            grid.addComponentColumn(call -> "dead".equals(call.status()) && "scayle".equals(call.platform())
                            ? retryButton("outbound-retry-" + call.outboundId(), () -> retry.accept(call))
                            : new Span())
                    .setAutoWidth(true)
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.setItems(calls);
        return grid;
    }

    static Grid<PublicationView> publications(
            List<PublicationView> publications, boolean mayRetry, Consumer<PublicationView> retry) {
        var grid = Grids.detail(PublicationView.class, "publications");
        grid.setEmptyStateText("No event published about this order.");
        Grids.time(grid, "Queued", PublicationView::createdAt);
        grid.addColumn(PublicationView::eventType).setHeader("Event").setAutoWidth(true);
        grid.addColumn(PublicationView::correlationId)
                .setHeader("Correlation id")
                .setAutoWidth(true);
        grid.addComponentColumn(p -> status(LowerCaseEnum.wire(p.status()), "publication-status-" + p.id()))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(p -> p.httpStatus() == null ? "" : String.valueOf(p.httpStatus()))
                .setHeader("HTTP status")
                .setAutoWidth(true);
        grid.addColumn(p -> p.lastError() == null ? "" : p.lastError())
                .setHeader("Last error")
                .setWidth("16em")
                .setFlexGrow(1)
                .setTooltipGenerator(p -> p.lastError());
        if (mayRetry) {
            grid.addComponentColumn(p -> p.status() == PublicationStatus.DEAD && p.jobId() != null
                            ? retryButton("publication-retry-" + p.id(), () -> retry.accept(p))
                            : new Span())
                    .setAutoWidth(true)
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.setItems(publications);
        return grid;
    }

    static Component status(String status, String id) {
        var text = new Span(status);
        text.setId(id);
        text.getElement().setAttribute("data-status", status);
        if ("dead".equals(status)) {
            text.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        } else if ("sent".equals(status)) {
            text.getStyle().set("color", "var(--lumo-success-text-color)");
        }
        return text;
    }

    static Button retryButton(String id, Runnable action) {
        var button = new Button("Retry", click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** "2, last 09:14:03", or "0" before the first attempt. */
    static String attempts(OutboundCall call) {
        return call.attempts()
                + (call.lastAttemptAt() == null ? "" : ", last " + BrowserTime.format(call.lastAttemptAt()))
                + (call.inDoubt() ? " (in doubt: the next attempt checks first)" : "");
    }

    /** SCAYLE's {@code errors[]} as "errorKey: message; …", else the last error. */
    static String error(OutboundCall call) {
        var described = describe(call.errors());
        if (described != null) {
            return described;
        }
        return call.lastError() == null ? "" : call.lastError();
    }

    static String describe(String errors) {
        if (errors == null || errors.isBlank()) {
            return null;
        }
        try (var reader = Jsons.createReader(new StringReader(errors))) {
            var value = reader.readValue();
            if (!(value instanceof JsonArray array)) {
                return errors;
            }
            var parts = new ArrayList<String>();
            for (var entry : array) {
                if (entry instanceof JsonObject error) {
                    parts.add(text(error, "errorKey") + ": " + text(error, "message"));
                }
            }
            return parts.isEmpty() ? errors : String.join("; ", parts);
        } catch (JsonParsingException e) {
            return errors;
        }
    }

    static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : "";
    }
}
