package io.ordergate.console.scalepoint;

import static io.ordergate.console.ui.Values.form;
import static io.ordergate.console.ui.Values.joined;
import static io.ordergate.console.ui.Values.text;
import static io.ordergate.console.ui.Values.time;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.CodeBlock;
import io.ordergate.console.ui.CopyButton;
import io.ordergate.console.ui.DiffView;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.PrettyJson;
import io.ordergate.console.ui.Watchers;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderSnapshots;
import io.ordergate.scalepoint.boundary.ScalepointEvents;
import io.ordergate.scalepoint.boundary.ScalepointOrderDetail;
import io.ordergate.scalepoint.boundary.ScalepointOrders;
import io.ordergate.scalepoint.boundary.ScalepointPublications;
import io.ordergate.scalepoint.boundary.ScalepointPublications.PublicationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One Scalepoint order: the case, what the latest Order Data says (lines, delivery address,
 * contact), every snapshot version as received with the difference between any two, every fetch
 * with its error, the events Scalepoint sent and the events we published. Staff and admins refresh
 * the Order Data (the progress is pushed to the page until the fetch ends) and publish events;
 * auditors only look. The URL names the order, so it can be shared and survives a reload.
 */
@Route(value = "scalepoint-orders/:" + ScalepointOrderDetailView.ORDER_TOKEN, layout = MainLayout.class)
@PageTitle("Scalepoint order · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class ScalepointOrderDetailView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    public static final String ORDER_TOKEN = "orderToken";

    @Inject
    ScalepointOrders orders;

    @Inject
    ScalepointPublications publications;

    @Inject
    OrderSnapshots snapshots;

    @Inject
    Jobs jobs;

    /** Polls the refresh's progress as the user (the facades check roles), on the console's own threads. */
    @Inject
    transient Watchers watchers;

    final Span status = new Span();
    final Button refresh = new Button("Refresh Order Data", VaadinIcon.REFRESH.create());
    final ProgressBar progressBar = new ProgressBar();
    final Span progress = new Span();
    final VerticalLayout content = new VerticalLayout();
    final Grid<PublicationView> publicationList = Grids.detail(PublicationView.class, "publications");
    String orderToken;
    Long watchedJob;
    transient RefreshWatch watch;

    public ScalepointOrderDetailView() {
        setId("scalepoint-order");
        content.setPadding(false);
        status.setId("order-status");
        refresh.setId("refresh-order");
        refresh.addClickListener(click -> refreshOrderData());
        progressBar.setId("refresh-bar");
        progressBar.setIndeterminate(true);
        progressBar.setVisible(false);
        progressBar.setWidth("12em");
        progress.setId("refresh-progress");
        Grids.time(publicationList, "Created", PublicationView::createdAt);
        publicationList
                .addColumn(PublicationView::eventType)
                .setHeader("Event type")
                .setAutoWidth(true);
        publicationList
                .addColumn(PublicationView::correlationId)
                .setHeader("Correlation id")
                .setAutoWidth(true);
        publicationList
                .addColumn(p -> LowerCaseEnum.wire(p.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        publicationList
                .addColumn(PublicationView::httpStatus)
                .setHeader("HTTP")
                .setAutoWidth(true)
                .setFlexGrow(0);
        publicationList
                .addColumn(p -> BrowserTime.format(p.sentAt()))
                .setHeader("Sent")
                .setAutoWidth(true);
        publicationList.addColumn(PublicationView::createdBy).setHeader("By").setAutoWidth(true);
        publicationList
                .addColumn(PublicationView::lastError)
                .setHeader("Last error")
                .setFlexGrow(1)
                .setTooltipGenerator(PublicationView::lastError);
        // a row opens the event as it is sent, every try the same
        publicationList.setItemDetailsRenderer(new ComponentRenderer<>(p -> json(p.body())));
        // Nobody watches a refresh on a page that is gone.
        addDetachListener(detach -> stopWatching());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        stopWatching();
        var token = event.getRouteParameters().get(ORDER_TOKEN).orElseThrow();
        // the facade audits the read: Order Data carries the claimant's address and contact
        var detail = orders.detail(token, Reader.console(CurrentUser.actor())).orElse(null);
        if (detail == null) {
            event.rerouteToError(NotFoundException.class, "No Scalepoint order '" + token + "'.");
            return;
        }
        orderToken = detail.orderToken();
        boolean mayChange = CurrentUser.mayChange();
        BrowserTime.whenKnown(event.getUI(), zone -> {
            removeAll();
            var title = new H2("Scalepoint order "
                    + (detail.summary().orderNumber() == null
                            ? detail.orderToken()
                            : detail.summary().orderNumber()));
            add(new Anchor("scalepoint-orders", "← Scalepoint orders"), title, status);
            if (mayChange) {
                progress.setText("");
                progressBar.setVisible(false);
                refresh.setEnabled(true);
                var actions = new HorizontalLayout(refresh, progressBar, progress);
                actions.setAlignItems(FlexComponent.Alignment.CENTER);
                add(actions);
            }
            add(content);
            if (mayChange) {
                var form = new PublishForm(zone, publications.eventTypes());
                form.addPublishListener(publish -> publish(form, publish.draft));
                add(new H3("Publish an event to Scalepoint"), form);
            }
            add(new H3("Published events"), publicationList);
            show(detail);
        });
    }

    /** Fills the page from the order as it is now. */
    void show(ScalepointOrderDetail d) {
        var summary = d.summary();
        status.setText(LowerCaseEnum.wire(d.status())
                + (summary.lastError() == null ? "" : " · last error: " + summary.lastError()));
        content.removeAll();

        var caseInfo = form(3);
        caseInfo.setId("case");
        var c = d.caseInfo();
        caseInfo.addFormItem(text(d.orderToken()), "Order token");
        caseInfo.addFormItem(text(c == null ? null : c.number()), "Case number");
        caseInfo.addFormItem(text(c == null ? null : blankToDash(c.externalClaimId())), "Claim id");
        caseInfo.addFormItem(text(c == null ? null : c.caseType()), "Case type");
        caseInfo.addFormItem(text(c == null ? null : c.uuid()), "Case UUID");
        caseInfo.addFormItem(text(c == null ? null : c.token()), "Case token");
        caseInfo.addFormItem(text(summary.orderNumber()), "Order number");
        caseInfo.addFormItem(text(summary.orderStatus()), "Order status");
        caseInfo.addFormItem(text(money(summary.total(), summary.currency())), "Total");
        caseInfo.addFormItem(
                text(summary.snapshotVersion() == null ? null : "v" + summary.snapshotVersion()), "Latest version");
        caseInfo.addFormItem(time(summary.fetchedAt()), "Fetched");
        caseInfo.addFormItem(
                summary.nextRefreshAt() != null
                        ? time(summary.nextRefreshAt())
                        : text(summary.refreshStopped() != null ? "no longer: " + summary.refreshStopped() : null),
                "Next scheduled refresh");
        caseInfo.addFormItem(time(summary.createdAt()), "Announced");
        caseInfo.addFormItem(text(summary.fetchJobId()), "Latest fetch job");
        caseInfo.addFormItem(text(summary.lastError()), "Last error");
        content.add(caseInfo);

        var data = d.order() == null ? OrderData.empty() : d.order();
        var lines = Grids.detail(OrderData.Line.class, "lines");
        lines.addColumn(OrderData.Line::lineId)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(OrderData.Line::productId).setHeader("Product").setAutoWidth(true);
        lines.addColumn(OrderData.Line::description).setHeader("Description").setFlexGrow(1);
        lines.addColumn(l -> plain(l.quantity())).setHeader("Quantity").setAutoWidth(true);
        lines.addColumn(l -> money(l.unitPrice(), data.currency()))
                .setHeader("Unit price")
                .setAutoWidth(true);
        lines.addColumn(l -> money(l.total(), data.currency()))
                .setHeader("Total")
                .setAutoWidth(true);
        lines.setItems(data.lines());
        content.add(new H3("Lines"), d.order() == null ? new Span("No Order Data fetched yet.") : lines);

        var delivery = form(2);
        delivery.setId("delivery");
        var a = data.deliveryAddress();
        delivery.addFormItem(
                text(
                        a == null
                                ? null
                                : joined(
                                        ", ",
                                        a.name(),
                                        a.street(),
                                        joined(" ", a.postalCode(), a.city()),
                                        a.countryCode())),
                "Delivery address");
        var contact = data.contact();
        delivery.addFormItem(
                text(contact == null ? null : joined(", ", contact.name(), contact.telephone(), contact.email())),
                "Contact");
        content.add(new H3("Delivery and contact"), delivery);

        content.add(new H3("Order Data versions"));
        content.add(snapshots(d.snapshots()));

        var attempts = Grids.detail(OrderSnapshots.FetchView.class, "attempts");
        Grids.time(attempts, "Finished", OrderSnapshots.FetchView::finishedAt);
        attempts.addColumn(OrderSnapshots.FetchView::jobId)
                .setHeader("Job")
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(OrderSnapshots.FetchView::attempt)
                .setHeader("Attempt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(OrderSnapshots.FetchView::outcome)
                .setHeader("Outcome")
                .setAutoWidth(true);
        attempts.addColumn(OrderSnapshots.FetchView::httpStatus)
                .setHeader("HTTP")
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(f -> f.snapshotVersion() == null ? "" : "v" + f.snapshotVersion())
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(OrderSnapshots.FetchView::error)
                .setHeader("Error")
                .setFlexGrow(1)
                .setTooltipGenerator(OrderSnapshots.FetchView::error);
        attempts.setItems(d.attempts());
        content.add(new H3("Fetch attempts"), attempts);

        var events = Grids.detail(ScalepointEvents.EventView.class, "events");
        Grids.time(events, "Received", ScalepointEvents.EventView::receivedAt);
        events.addColumn(ScalepointEvents.EventView::eventType)
                .setHeader("Event type")
                .setAutoWidth(true);
        events.addColumn(e -> e.payloadVersion() + (e.supported() ? "" : " (not supported)"))
                .setHeader("Payload version")
                .setAutoWidth(true);
        events.addColumn(ScalepointEvents.EventView::correlationId)
                .setHeader("Correlation id")
                .setAutoWidth(true);
        events.addColumn(e -> BrowserTime.format(e.timestamp()))
                .setHeader("Event time")
                .setAutoWidth(true);
        events.addColumn(ScalepointEvents.EventView::source).setHeader("Via").setAutoWidth(true);
        events.setItems(d.events());
        content.add(new H3("Events received"), events);

        publicationList.setItems(d.publications());
    }

    /** The difference between two chosen versions (the latest two at first), then every version, newest first. */
    Component snapshots(List<OrderSnapshots.SnapshotView> versions) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("snapshots");
        if (versions.isEmpty()) {
            box.add(new Span("None yet."));
            return box;
        }
        var newestFirst = versions.stream()
                .sorted(Comparator.comparingInt(OrderSnapshots.SnapshotView::version)
                        .reversed())
                .toList();
        if (versions.size() < 2) {
            box.add(new Span("One version so far: a refresh that finds changed content adds the next."));
        } else {
            var numbers = newestFirst.stream()
                    .map(OrderSnapshots.SnapshotView::version)
                    .toList();
            var from = new Select<Integer>();
            from.setId("diff-from");
            from.setLabel("Compare");
            var to = new Select<Integer>();
            to.setId("diff-to");
            to.setLabel("with");
            for (var select : List.of(from, to)) {
                select.setItems(numbers);
                select.setItemLabelGenerator(n -> "v" + n);
            }
            from.setValue(numbers.get(1));
            to.setValue(numbers.get(0));
            var diff = new Pre();
            diff.setId("snapshot-diff");
            style(diff);
            Runnable compare =
                    () -> DiffView.show(diff, body(versions, from.getValue()), body(versions, to.getValue()));
            from.addValueChangeListener(change -> compare.run());
            to.addValueChangeListener(change -> compare.run());
            compare.run();
            var choose = new HorizontalLayout(from, to);
            choose.setAlignItems(FlexComponent.Alignment.BASELINE);
            box.add(choose, diff);
        }
        for (var v : newestFirst) {
            var body = json(v.body());
            body.setId("snapshot-v" + v.version() + "-body");
            var copy = new CopyButton("Copy JSON", v.body().toString());
            var hash = new Span("SHA-256 " + v.sha256());
            hash.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)");
            var top = new HorizontalLayout(copy, hash);
            top.setAlignItems(FlexComponent.Alignment.BASELINE);
            var details = new Details(
                    "v" + v.version() + " · fetched " + BrowserTime.format(v.fetchedAt())
                            + " · last seen " + BrowserTime.format(v.lastSeenAt()) + " · SHA-256 "
                            + v.sha256().substring(0, Math.min(12, v.sha256().length())) + "…",
                    new VerticalLayout(top, body));
            details.setId("snapshot-v" + v.version());
            // with several versions the difference comes first; a body is one click away
            details.setOpened(versions.size() == 1);
            box.add(details);
        }
        return box;
    }

    static String body(List<OrderSnapshots.SnapshotView> versions, Integer version) {
        return versions.stream()
                .filter(v -> Objects.equals(v.version(), version))
                .findFirst()
                .map(v -> PrettyJson.format(v.body()))
                .orElse("");
    }

    void refreshOrderData() {
        try {
            var requested = orders.refresh(orderToken, CurrentUser.actor());
            // read at once, so that failures from before this refresh are not taken for its outcome
            int baseline = RefreshProgress.baseline(jobs.find(requested.jobId()).orElse(null));
            watch(requested.jobId(), baseline, requested.alreadyQueued());
        } catch (EJBAccessException e) {
            Notification.show(
                            "Your role does not allow refreshing Order Data.", 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ProblemException e) {
            Notification.show("Not refreshed: " + e.problem().detail(), 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Follows the fetch job in the background and pushes its progress, then shows the order anew. */
    void watch(long jobId, int baseline, boolean alreadyQueued) {
        stopWatching();
        var ui = UI.getCurrent();
        var token = orderToken;
        var actor = CurrentUser.actor();
        watchedJob = jobId;
        refresh.setEnabled(false);
        progressBar.setVisible(true);
        showProgress(new RefreshProgress(alreadyQueued ? "queued (a waiting fetch runs now)" : "queued", false, false));
        watch = new RefreshWatch(
                ui,
                () -> RefreshProgress.of(jobId, jobs.find(jobId).orElse(null), baseline, snapshots.fetches(token, 20)),
                this::showProgress,
                () -> {
                    // the page shows the order anew: another audited read
                    var detail = orders.detail(token, Reader.console(actor)).orElse(null);
                    return (Command) () -> {
                        if (detail != null && token.equals(orderToken)) {
                            show(detail);
                        }
                    };
                });
        watch.start(watchers::every);
    }

    void showProgress(RefreshProgress p) {
        progress.setText("Refresh (job " + watchedJob + "): " + p.text());
        progress.getStyle()
                .set(
                        "color",
                        p.failed()
                                ? "var(--lumo-error-text-color)"
                                : p.finished() ? "var(--lumo-success-text-color)" : "var(--lumo-body-text-color)");
        if (p.finished()) {
            progressBar.setVisible(false);
            refresh.setEnabled(true);
        }
    }

    void stopWatching() {
        if (watch != null) {
            watch.stop();
            watch = null;
        }
    }

    void publish(PublishForm form, EventDraft draft) {
        try {
            var publication = publications.publish(orderToken, draft.eventType, draft.payload(), CurrentUser.actor());
            form.published(publication);
            publicationList.setItems(publications.forOrder(orderToken));
        } catch (EJBAccessException e) {
            form.refused("your role does not allow publishing events.");
        } catch (ProblemException e) {
            form.refused(e.problem().detail());
        }
    }

    static Pre json(JsonValue value) {
        var pre = new Pre(value == null ? "" : PrettyJson.format(value));
        style(pre);
        return pre;
    }

    /** A stored JSON text, indented; shown as it is should it not parse. */
    static Pre json(String text) {
        var pre = new Pre(PrettyJson.formatText(text == null ? "" : text));
        style(pre);
        return pre;
    }

    /** Shaded, as wide as the page's content. */
    static void style(Pre pre) {
        CodeBlock.shade(pre).set("width", "100%").set("box-sizing", "border-box");
    }

    static String money(BigDecimal amount, String currency) {
        return amount == null ? null : amount.toPlainString() + (currency == null ? "" : " " + currency);
    }

    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    static String blankToDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
