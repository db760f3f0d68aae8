package io.ordergate.console.orders;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.delegations.DelegationDetailView;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.scalepoint.ScalepointOrderDetailView;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Values;
import io.ordergate.fulfilment.boundary.FulfilmentOrders;
import io.ordergate.fulfilment.boundary.ItemView;
import io.ordergate.fulfilment.boundary.OrderDetail;
import io.ordergate.fulfilment.boundary.OutboundCall;
import io.ordergate.fulfilment.boundary.OutboundRetry;
import io.ordergate.fulfilment.boundary.Reports;
import io.ordergate.fulfilment.boundary.TimelineEntry;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.ScalepointPublications;
import io.ordergate.scalepoint.boundary.ScalepointPublications.PublicationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Map;

/**
 * One order of either platform: its items and where their units stand, each call to its platform
 * with attempts, answers and errors (and a retry of a dead one for admin and staff), the events
 * published to Scalepoint, its timeline over both sides (the platform's messages, the warehouse's
 * reports, the feed changes, the outbound rows, staff), its attention flag with "Mark handled" for admin and staff, and a link to the platform's
 * own page of the order. The URL names the order, so it can be shared and survives a reload.
 */
@Route(value = "orders/:" + OrderView.ORDER_ID, layout = MainLayout.class)
@PageTitle("Order · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class OrderView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String ORDER_ID = "orderId";

    final FulfilmentOrders orders;
    final Reports reports;
    final OutboundRetry retries;
    final ScalepointPublications publications;
    final Jobs jobs;
    String orderId;

    @Inject
    public OrderView(
            FulfilmentOrders orders,
            Reports reports,
            OutboundRetry retries,
            ScalepointPublications publications,
            Jobs jobs) {
        this.orders = orders;
        this.reports = reports;
        this.retries = retries;
        this.publications = publications;
        this.jobs = jobs;
        setId("order");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orderId = event.getRouteParameters().get(ORDER_ID).orElseThrow();
        var detail = orders.detail(orderId, Reader.console(CurrentUser.actor())).orElse(null);
        if (detail == null) {
            event.rerouteToError(NotFoundException.class, "No order '" + orderId + "'.");
            return;
        }
        BrowserTime.whenKnown(event.getUI(), zone -> show(detail));
    }

    void show(OrderDetail d) {
        removeAll();
        var title = new H2("Order " + d.reference());
        var status = new Span(LowerCaseEnum.wire(d.status()) + " · " + d.units().text());
        status.setId("order-status");
        add(new Anchor("orders", "← Orders"), title, status);

        var order = Values.form(3);
        order.addFormItem(Values.text(d.orderId()), "Order id");
        order.addFormItem(Values.text(d.source()), "Platform");
        order.addFormItem(Values.text(d.merchantKey()), "Merchant");
        order.addFormItem(Values.text(d.reference()), "Reference");
        order.addFormItem(Values.text(d.platformOrderId()), "Platform order id");
        order.addFormItem(Values.text("v" + d.version()), "Version");
        order.addFormItem(Values.time(d.receivedAt()), "Received");
        order.addFormItem(Values.time(d.updatedAt()), "Last change");
        order.addFormItem(Values.text(d.carrier()), "Carrier");
        order.addFormItem(Values.text(flat(d.shipTo())), "Ship to");
        order.addFormItem(Values.text(flat(d.customer())), "Customer");
        order.addFormItem(platformLink(d), "On the platform");
        order.setId("order-fields");
        add(order);

        add(attention(d));

        var items = Grids.detail(ItemView.class, "items");
        items.addColumn(ItemView::itemId).setHeader("Item").setAutoWidth(true);
        items.addColumn(ItemView::sku).setHeader("SKU").setAutoWidth(true);
        items.addColumn(ItemView::name).setHeader("Name").setAutoWidth(true);
        items.addColumn(ItemView::warehouse).setHeader("Warehouse").setAutoWidth(true);
        items.addColumn(ItemView::ordered).setHeader("Ordered").setAutoWidth(true);
        items.addColumn(ItemView::deliverable).setHeader("Deliverable").setAutoWidth(true);
        items.addColumn(ItemView::shipped).setHeader("Shipped").setAutoWidth(true);
        items.addColumn(ItemView::cancelled).setHeader("Cancelled").setAutoWidth(true);
        items.addColumn(ItemView::returned).setHeader("Returned").setAutoWidth(true);
        items.addColumn(ItemView::left).setHeader("Left to ship").setAutoWidth(true);
        items.setItems(d.items());
        add(new H3("Items"), items);

        add(new H3("Calls to the platform"));
        add(OutboundSection.calls(reports.outbound(d.orderId()), CurrentUser.mayChange(), this::retry));
        if ("scalepoint".equals(d.source())) {
            add(new H3("Events published to Scalepoint"));
            add(OutboundSection.publications(
                    publications.forOrder(d.reference()), CurrentUser.mayChange(), this::retryPublication));
        }

        var timeline = Grids.detail(TimelineEntry.class, "timeline");
        Grids.time(timeline, "When", TimelineEntry::at);
        timeline.addColumn(TimelineEntry::origin).setHeader("From").setAutoWidth(true);
        timeline.addColumn(TimelineEntry::what).setHeader("What").setAutoWidth(true);
        timeline.addColumn(TimelineEntry::detail)
                .setHeader("Detail")
                .setFlexGrow(1)
                .setTooltipGenerator(TimelineEntry::detail);
        timeline.setItems(d.timeline());
        add(new H3("Timeline"), timeline);
    }

    void retry(OutboundCall call) {
        if (Actions.run(() -> retries.retry(call.outboundId(), CurrentUser.actor()))) {
            Actions.success("Call " + call.outboundId() + " goes out again.");
            reload();
        }
    }

    void retryPublication(PublicationView publication) {
        if (Actions.run(() -> jobs.retry(publication.jobId(), CurrentUser.actor()))) {
            Actions.success("Event " + publication.correlationId() + " goes out again.");
            reload();
        }
    }

    void reload() {
        orders.detail(orderId, Reader.console(CurrentUser.actor())).ifPresent(this::show);
    }

    /** The flag: what staff should look at and, for admin and staff, "Mark handled"; or that nothing needs them. */
    Component attention(OrderDetail d) {
        var box = new Div();
        box.setId("attention");
        if (d.attention() == null) {
            box.add(new Span("Nothing needs attention."));
            return box;
        }
        box.getStyle()
                .set("border-left", "4px solid var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-error-color-10pct)");
        var text = new Span("⚠ Needs attention: " + d.attention());
        text.setId("attention-text");
        box.add(text);
        if (CurrentUser.mayChange()) {
            var handle = new Button("Mark handled", click -> askToHandle(d.attention()));
            handle.setId("mark-handled");
            handle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            handle.getStyle().set("margin-left", "var(--lumo-space-m)");
            box.add(handle);
        }
        return box;
    }

    void askToHandle(String seen) {
        var dialog = new Dialog();
        dialog.setId("handle-dialog");
        dialog.setHeaderTitle("Mark the flag handled");
        var note = new TextArea("What was done");
        note.setId("handled-note");
        note.setWidthFull();
        note.setMaxLength(FulfilmentOrders.MAX_NOTE);
        note.setHelperText("kept on the order's timeline and in the audit trail");
        dialog.add(new Paragraph(seen), note);
        var ok = new Button("Mark handled", click -> {
            if (note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage("Say in a few words what was done.");
                return;
            }
            if (Actions.run(() -> orders.handleAttention(orderId, seen, note.getValue(), CurrentUser.actor()))) {
                dialog.close();
                Actions.success("Marked handled.");
                orders.detail(orderId, Reader.console(CurrentUser.actor())).ifPresent(this::show);
            }
        });
        ok.setId("handled-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), ok);
        dialog.open();
    }

    /** The platform's own page of the order: the SCAYLE delegation or the Scalepoint order. */
    static Component platformLink(OrderDetail d) {
        var routes = RouteConfiguration.forSessionScope();
        Anchor link;
        if ("scayle".equals(d.source())) {
            link = new Anchor(
                    routes.getUrl(
                            DelegationDetailView.class,
                            new RouteParameters(Map.of(
                                    DelegationDetailView.MERCHANT_KEY, d.merchantKey(),
                                    DelegationDetailView.REFERENCE_KEY, d.reference()))),
                    "SCAYLE delegation " + d.reference());
        } else {
            link = new Anchor(
                    routes.getUrl(
                            ScalepointOrderDetailView.class,
                            new RouteParameters(ScalepointOrderDetailView.ORDER_TOKEN, d.reference())),
                    "Scalepoint order " + d.reference());
        }
        link.setId("platform-link");
        return link;
    }

    /** A JSON object of the order document (ship-to, customer) as one line: its values, in order. */
    static String flat(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (var reader = Jsons.createReader(new StringReader(json))) {
            var value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                return json;
            }
            var parts = new ArrayList<String>();
            object.values().forEach(v -> {
                if (v instanceof JsonString s) {
                    parts.add(s.getString());
                } else if (v != JsonValue.NULL) {
                    parts.add(v.toString());
                }
            });
            return parts.isEmpty() ? null : String.join(", ", parts);
        } catch (JsonParsingException e) {
            return json;
        }
    }
}
