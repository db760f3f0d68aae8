package io.ordergate.console.delegations;

import static io.ordergate.console.ui.Values.form;
import static io.ordergate.console.ui.Values.joined;
import static io.ordergate.console.ui.Values.text;
import static io.ordergate.console.ui.Values.time;
import static io.ordergate.platform.boundary.LowerCaseEnum.wire;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.CodeBlock;
import io.ordergate.console.ui.CopyButton;
import io.ordergate.console.ui.DiffView;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.PrettyJson;
import io.ordergate.credentials.boundary.AuthenticatedUser;
import io.ordergate.scayle.boundary.Address;
import io.ordergate.scayle.boundary.DelegationDetail;
import io.ordergate.scayle.boundary.ReceivedDelegations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * One delegation: the order as stored, its items and addresses, and the acknowledgement exactly
 * as SCAYLE received it (shown indented, copied as sent), with every delivery attempt. The URL
 * names the order, so it can be shared and survives a reload.
 */
@Route(
        value = "delegations/:" + DelegationDetailView.MERCHANT_KEY + "/:" + DelegationDetailView.REFERENCE_KEY,
        layout = MainLayout.class)
@PageTitle("Delegation · OrderGate")
@RolesAllowed({AuthenticatedUser.ADMIN, AuthenticatedUser.STAFF, AuthenticatedUser.AUDITOR})
public class DelegationDetailView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    public static final String MERCHANT_KEY = "merchantKey";
    public static final String REFERENCE_KEY = "referenceKey";

    @Inject
    ReceivedDelegations delegations;

    public DelegationDetailView() {
        setId("delegation-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var merchantKey = event.getRouteParameters().get(MERCHANT_KEY).orElseThrow();
        var referenceKey = event.getRouteParameters().get(REFERENCE_KEY).orElseThrow();
        var detail = delegations
                .detail(merchantKey, referenceKey, Reader.console(CurrentUser.actor()))
                .orElse(null);
        if (detail == null) {
            event.rerouteToError(
                    NotFoundException.class, "No delegation '" + referenceKey + "' of merchant '" + merchantKey + "'.");
            return;
        }
        BrowserTime.whenKnown(event.getUI(), zone -> show(detail));
    }

    void show(DelegationDetail d) {
        removeAll();
        var back = new Anchor("delegations", "← Delegations");
        var title = new H2("Delegation " + d.referenceKey());
        var status =
                new Span(wire(d.status()) + (d.conflict() ? " · conflict: redelivered with different content" : ""));
        status.setId("delegation-status");
        add(back, title, status);

        var order = form(3);
        order.addFormItem(text(d.merchantKey()), "Merchant");
        order.addFormItem(text(d.orderReferenceKey()), "Order reference");
        order.addFormItem(text(d.orderId()), "SCAYLE order id");
        order.addFormItem(time(d.receivedAt()), "Received");
        order.addFormItem(time(d.cancelledAt()), "Cancelled");
        order.addFormItem(
                text(d.shopKey() + " / " + d.countryCode() + " / " + d.languageCode()), "Shop / country / language");
        order.addFormItem(text(d.customer().email()), "Customer e-mail");
        order.addFormItem(text(d.customer().referenceKey()), "Customer reference");
        order.addFormItem(text(d.paymentMethod()), "Payment");
        order.addFormItem(text(d.carrierKey()), "Carrier");
        order.addFormItem(
                text(d.totalWithTax() == null ? null : d.totalWithTax() + " " + d.currencyCode() + " (minor units)"),
                "Total with tax");
        order.addFormItem(text(address(d.billingAddress())), "Billing address");
        order.addFormItem(text(address(d.shippingAddress())), "Shipping address");
        add(order);

        var items = Grids.detail(DelegationDetail.Item.class, "items");
        items.addColumn(DelegationDetail.Item::referenceKey)
                .setHeader("Item reference")
                .setAutoWidth(true);
        items.addColumn(DelegationDetail.Item::sku).setHeader("SKU").setAutoWidth(true);
        items.addColumn(DelegationDetail.Item::name).setHeader("Name").setAutoWidth(true);
        items.addColumn(DelegationDetail.Item::merchantKey)
                .setHeader("Merchant")
                .setAutoWidth(true);
        items.addColumn(DelegationDetail.Item::quantity).setHeader("Quantity").setAutoWidth(true);
        items.addColumn(DelegationDetail.Item::deliverableQuantity)
                .setHeader("Deliverable")
                .setAutoWidth(true);
        items.addColumn(i -> i.price() == null ? "" : i.price() + " " + i.currencyCode())
                .setHeader("Price")
                .setAutoWidth(true);
        items.setItems(d.items());
        add(new H3("Items"), items);

        var acknowledgement = new Pre(
                d.acknowledgement() == null || d.acknowledgement() == JsonValue.NULL
                        ? "(none stored)"
                        : PrettyJson.format(d.acknowledgement()));
        acknowledgement.setId("acknowledgement");
        CodeBlock.shade(acknowledgement);
        // Compact serialisation of what we stored is byte for byte what SCAYLE received.
        var copy = new CopyButton(
                "Copy as sent",
                d.acknowledgement() == null ? "" : d.acknowledgement().toString());
        copy.setId("copy-acknowledgement");
        var heading = new HorizontalLayout(new H3("Acknowledgement (as sent to SCAYLE)"), copy);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, acknowledgement);

        var attempts = Grids.detail(DelegationDetail.Attempt.class, "attempts");
        Grids.time(attempts, "Received", DelegationDetail.Attempt::receivedAt);
        attempts.addColumn(DelegationDetail.Attempt::kind).setHeader("Kind").setAutoWidth(true);
        attempts.addColumn(DelegationDetail.Attempt::requestId)
                .setHeader("Request id")
                .setAutoWidth(true);
        attempts.addColumn(a -> wire(a.outcome())).setHeader("Outcome").setAutoWidth(true);
        attempts.addColumn(DelegationDetail.Attempt::responseStatus)
                .setHeader("Answer")
                .setAutoWidth(true);
        attempts.addColumn(DelegationDetail.Attempt::payloadSha256)
                .setHeader("Payload SHA-256")
                .setAutoWidth(true);
        attempts.addComponentColumn(a -> attemptActions(d, a))
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.setItems(d.attempts());
        add(new H3("Delivery attempts"), attempts);

        var cancellations = Grids.detail(DelegationDetail.CancellationView.class, "cancellations");
        Grids.time(cancellations, "Received", DelegationDetail.CancellationView::receivedAt);
        cancellations
                .addColumn(DelegationDetail.CancellationView::warehouseIds)
                .setHeader("Warehouses")
                .setAutoWidth(true);
        cancellations
                .addColumn(c -> c.conflict() ? "redelivered with other content" : "")
                .setHeader("Conflict")
                .setAutoWidth(true);
        cancellations.setItems(d.cancellations());
        var cancellationState = new Span(
                d.cancellations().isEmpty()
                        ? "Not cancelled."
                        : "Cancelled " + BrowserTime.format(d.cancelledAt()) + " ("
                                + d.cancellations().size()
                                + (d.cancellations().size() == 1 ? " cancellation)." : " cancellations)."));
        cancellationState.setId("cancellation-state");
        add(new H3("Cancellation"), cancellationState);
        if (!d.cancellations().isEmpty()) {
            add(cancellations);
        }
    }

    /** The payload of an attempt as received, and for a conflicting redelivery what differs from the first. */
    HorizontalLayout attemptActions(DelegationDetail d, DelegationDetail.Attempt attempt) {
        var payload = new Button("Payload", click -> showPayload(d, attempt));
        payload.setId("payload-" + attempt.id());
        payload.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var row = new HorizontalLayout(payload);
        var first = d.attempts().isEmpty() ? null : d.attempts().get(0);
        if (first != null
                && first.id() != attempt.id()
                && !first.payloadSha256().equals(attempt.payloadSha256())) {
            var compare = new Button("Compare with first", click -> showDifference(d, first, attempt));
            compare.setId("compare-" + attempt.id());
            compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(compare);
        }
        return row;
    }

    String body(DelegationDetail d, DelegationDetail.Attempt attempt) {
        return delegations
                .attemptBody(d.merchantKey(), d.referenceKey(), attempt.id(), Reader.console(CurrentUser.actor()))
                .map(PrettyJson::formatText)
                .orElse("(not stored)");
    }

    void showPayload(DelegationDetail d, DelegationDetail.Attempt attempt) {
        var dialog = new Dialog();
        dialog.setId("payload-dialog");
        dialog.setHeaderTitle("Attempt " + attempt.requestId() + " · " + wire(attempt.outcome()) + " · "
                + BrowserTime.format(attempt.receivedAt()));
        dialog.setWidth("min(60rem, 95vw)");
        var text = new Pre(body(d, attempt));
        text.setId("payload");
        block(text);
        dialog.add(
                new Span("As received (indented for reading); SHA-256 of the bytes: " + attempt.payloadSha256()), text);
        var close = new Button("Close", click -> dialog.close());
        close.setId("payload-close");
        dialog.getFooter().add(new CopyButton("Copy", text.getText()), close);
        dialog.open();
    }

    void showDifference(DelegationDetail d, DelegationDetail.Attempt first, DelegationDetail.Attempt other) {
        var dialog = new Dialog();
        dialog.setId("difference-dialog");
        dialog.setHeaderTitle("What " + other.requestId() + " (" + wire(other.outcome())
                + ") changed against the first delivery " + first.requestId());
        dialog.setWidth("min(60rem, 95vw)");
        var difference = DiffView.of(body(d, first), body(d, other));
        difference.setId("payload-difference");
        block(difference);
        dialog.add(
                new Span("The answer stayed the first acknowledgement; - lines are the first delivery's, + lines "
                        + "this one's."),
                difference);
        var close = new Button("Close", click -> dialog.close());
        close.setId("difference-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** A dialog's text: shaded, and never taller than most of the window. */
    static void block(Pre pre) {
        CodeBlock.shade(pre).set("max-height", "60vh");
    }

    /** One line; empty (not "—") for an address that was sent with nothing in it. */
    static String address(Address a) {
        if (a == null) {
            return null;
        }
        var line = joined(
                ", ",
                joined(" ", a.firstName(), a.lastName()),
                joined(" ", a.street(), a.houseNumber()),
                a.additional(),
                joined(" ", a.zipCode(), a.city()),
                a.countryCode(),
                a.phoneNumber());
        return line == null ? "" : line;
    }
}
