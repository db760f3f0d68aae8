package io.ordergate.console.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.Confirm;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Paging;
import io.ordergate.jobs.boundary.JobState;
import io.ordergate.jobs.boundary.JobView;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The job queue: what waits, what keeps failing (with its last error), what is dead. Staff and
 * admins retry one job or a selection, after a confirmation that says how many; auditors only look.
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class JobsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String ALL = "all";

    final Select<String> state = new Select<>();
    final Span summary = new Span();
    final Grid<JobView> grid = new Grid<>(JobView.class, false);
    final Button retrySelected = new Button("Retry selected");

    final Jobs jobs;

    @Inject
    public JobsView(Jobs jobs) {
        this.jobs = jobs;
        setId("jobs");
        setSizeFull();
        state.setLabel("State");
        state.setId("filter-state");
        state.setItems(ALL, "pending", "failing", "running", "dead", "succeeded");
        state.setValue(ALL);
        state.addValueChangeListener(change -> refresh());
        summary.setId("job-summary");

        boolean mayRetry = CurrentUser.mayChange();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No jobs in this state.");
        grid.addColumn(JobView::id).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(JobView::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(JobView::dedupeKey).setHeader("For").setAutoWidth(true);
        grid.addColumn(job -> job.state().wire()).setHeader("State").setAutoWidth(true);
        // 0: no attempt limit, the job is given up by time
        grid.addColumn(j -> j.maxAttempts() > 0 ? j.attempts() + " / " + j.maxAttempts() : String.valueOf(j.attempts()))
                .setHeader("Attempts")
                .setAutoWidth(true);
        Grids.time(grid, "Changed", JobView::updatedAt);
        grid.addColumn(j -> j.lastStatus() == null ? "" : String.valueOf(j.lastStatus()))
                .setHeader("HTTP")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(JobView::lastError)
                .setHeader("Last error")
                .setFlexGrow(1)
                .setTooltipGenerator(JobView::lastError);
        if (mayRetry) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addComponentColumn(job -> {
                        var retry = new Button("Retry", click -> confirm(List.of(job.id())));
                        retry.setId("retry-" + job.id());
                        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        retry.setEnabled(job.state() == JobState.DEAD
                                || job.state() == JobState.FAILING
                                || job.state() == JobState.PENDING);
                        return retry;
                    })
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.setItems(
                query -> Paging.window(
                        query.getOffset(),
                        query.getLimit(),
                        page -> jobs.list(filter(), null, page).items()),
                query -> (int) Math.min(
                        Integer.MAX_VALUE,
                        jobs.list(filter(), null, new Page.Request(0, 1)).total()));

        retrySelected.setId("retry-selected");
        retrySelected.setVisible(mayRetry);
        retrySelected.addClickListener(click ->
                confirm(grid.getSelectedItems().stream().map(JobView::id).toList()));
        var bar = new HorizontalLayout(state, summary, retrySelected);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Jobs"), bar, grid);
        expand(grid);
        showSummary();
    }

    /** {@code /jobs?state=dead} opens the list filtered, so other pages can link to it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getParameters().get("state");
        if (wanted != null
                && !wanted.isEmpty()
                && List.of("pending", "failing", "running", "dead", "succeeded").contains(wanted.get(0))) {
            state.setValue(wanted.get(0));
        }
    }

    JobState filter() {
        return ALL.equals(state.getValue()) ? null : JobState.named(state.getValue());
    }

    void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        showSummary();
    }

    void showSummary() {
        var counts = jobs.summary(null);
        summary.setText("pending " + counts.pending() + " · failing " + counts.failing() + " · running "
                + counts.running() + " · dead " + counts.dead());
    }

    /** Says how many jobs a retry will touch before it does. */
    void confirm(List<Long> ids) {
        if (ids.isEmpty()) {
            Notification.show("Select the jobs to retry first.");
            return;
        }
        Confirm.ask(
                "confirm-retry",
                ids.size() == 1 ? "Retry job " + ids.get(0) + "?" : "Retry " + ids.size() + " jobs?",
                "They run again now, with a fresh allowance of attempts and time.",
                ids.size() == 1 ? "Retry 1 job" : "Retry " + ids.size() + " jobs",
                false,
                () -> retry(ids));
    }

    void retry(List<Long> ids) {
        Actions.attempt(() -> jobs.retryAll(ids, CurrentUser.actor())).ifPresent(result -> {
            var message = result.retried().size() + " retried";
            if (!result.refused().isEmpty()) {
                message += "; not retried: "
                        + String.join(
                                "; ",
                                result.refused().stream()
                                        .map(r -> "job " + r.id() + ": " + r.reason())
                                        .toList());
            }
            var note = Notification.show(message, 8000, Notification.Position.BOTTOM_START);
            note.addThemeVariants(
                    result.refused().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        });
        refresh();
    }
}
