package io.ordergate.console.scalepoint;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Paging;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.OrderFilter;
import io.ordergate.scalepoint.boundary.OrderStatus;
import io.ordergate.scalepoint.boundary.ScalepointOrder;
import io.ordergate.scalepoint.boundary.ScalepointOrders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scalepoint orders, newest first, paged in the database as the grid scrolls; filtered by status,
 * case number and the days they were announced on (in the user's time zone). The filters can come
 * from the URL ({@code ?status=dead}), so the dashboard can link to them. A row opens the order.
 */
@Route(value = "scalepoint-orders", layout = MainLayout.class)
@PageTitle("Scalepoint orders · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class ScalepointOrdersView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String ALL = "all";
    static final List<String> STATUSES = OrderStatus.WIRE;
    static final int MAX_CASE_NUMBER = 64;

    final Select<String> status = new Select<>();
    final TextField caseNumber = new TextField("Case number");
    final DatePicker createdFrom = new DatePicker("Created from");
    final DatePicker createdTo = new DatePicker("Created to");
    final Span problem = new Span();
    final Grid<ScalepointOrder> grid = new Grid<>(ScalepointOrder.class, false);

    final ScalepointOrders orders;
    /** What was wrong with the link's filters: said until the user changes a filter; the rest applies. */
    String linkProblem;

    @Inject
    public ScalepointOrdersView(ScalepointOrders orders) {
        this.orders = orders;
        setId("scalepoint-orders");
        setSizeFull();
        status.setLabel("Status");
        status.setId("filter-status");
        status.setItems(Stream.concat(Stream.of(ALL), STATUSES.stream()).toList());
        status.setValue(ALL);
        status.addValueChangeListener(change -> changed(change.isFromClient()));
        caseNumber.setId("filter-case");
        caseNumber.setClearButtonVisible(true);
        caseNumber.setValueChangeMode(ValueChangeMode.LAZY);
        caseNumber.addValueChangeListener(change -> changed(change.isFromClient()));
        for (var date : List.of(createdFrom, createdTo)) {
            date.setClearButtonVisible(true);
            date.setLocale(Locale.CANADA); // ISO dates: 2026-03-01
            date.setI18n(new DatePicker.DatePickerI18n()
                    .setBadInputErrorMessage("Not a date: use the picker or type e.g. 2026-03-01."));
            date.addValueChangeListener(change -> changed(change.isFromClient()));
            // typing something that is no date leaves the value empty and only marks the field
            date.addValidationStatusChangeListener(change -> refresh());
        }
        createdFrom.setId("filter-from");
        createdTo.setId("filter-to");
        createdTo.setHelperText("inclusive, in your time zone");
        problem.setId("filter-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        var filters = new HorizontalLayout(status, caseNumber, createdFrom, createdTo, problem);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No Scalepoint order matches these filters.");
        grid.addColumn(ScalepointOrder::orderToken)
                .setHeader("Order token")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> o.caseInfo() == null ? null : o.caseInfo().number())
                .setHeader("Case number")
                .setAutoWidth(true);
        grid.addColumn(o -> LowerCaseEnum.wire(o.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ScalepointOrder::orderStatus).setHeader("Order status").setAutoWidth(true);
        grid.addColumn(ScalepointOrder::lineCount)
                .setHeader("Lines")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(o -> o.total() == null ? "" : o.total().toPlainString() + " " + nonNull(o.currency()))
                .setHeader("Total")
                .setAutoWidth(true);
        grid.addColumn(o -> join(o.deliveryCity(), o.deliveryCountry()))
                .setHeader("Delivery")
                .setAutoWidth(true);
        Grids.time(grid, "Fetched", ScalepointOrder::fetchedAt);
        grid.addColumn(ScalepointOrder::lastError)
                .setHeader("Last error")
                .setFlexGrow(1)
                .setTooltipGenerator(ScalepointOrder::lastError);
        grid.setItems(
                query -> {
                    var filter = filter();
                    return filter == null
                            ? Stream.empty()
                            : Paging.window(query.getOffset(), query.getLimit(), page -> items(filter, page));
                },
                query -> {
                    var filter = filter();
                    return filter == null ? 0 : (int) Math.min(Integer.MAX_VALUE, count(filter));
                });
        grid.addItemClickListener(click -> click.getSource()
                .getUI()
                .ifPresent(ui -> ui.navigate(
                        ScalepointOrderDetailView.class,
                        new RouteParameters(Map.of(
                                ScalepointOrderDetailView.ORDER_TOKEN,
                                click.getItem().orderToken())))));

        add(new H2("Scalepoint orders"), filters, grid);
        expand(grid);
        // Rows were formatted in UTC if the browser's zone was not known yet.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), zone -> refresh()));
    }

    /**
     * {@code ?status=dead&caseNumber=CH60158270&from=2026-11-17&to=2026-11-23} (dates inclusive,
     * yyyy-MM-dd) open the list filtered, so the dashboard can link to what it counts.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var link = LinkFilters.parse(event.getLocation().getQueryParameters().getParameters());
        status.setValue(link.status() == null ? ALL : link.status());
        caseNumber.setValue(link.caseNumber() == null ? "" : link.caseNumber());
        createdFrom.setValue(link.from());
        createdTo.setValue(link.to());
        linkProblem = link.problems().isEmpty() ? null : String.join(" ", link.problems());
        refresh();
    }

    /** The filters a link asks for; what cannot be used is left out and said in {@code problems}. */
    record LinkFilters(String status, String caseNumber, LocalDate from, LocalDate to, List<String> problems) {

        static LinkFilters parse(Map<String, List<String>> parameters) {
            var problems = new ArrayList<String>();
            var status = first(parameters, "status");
            if (status != null && !STATUSES.contains(status)) {
                problems.add("There is no status '" + status + "'; the statuses are " + String.join(", ", STATUSES)
                        + ". Showing all.");
                status = null;
            }
            return new LinkFilters(
                    status,
                    first(parameters, "caseNumber"),
                    date(parameters, "from", problems),
                    date(parameters, "to", problems),
                    List.copyOf(problems));
        }

        static LocalDate date(Map<String, List<String>> parameters, String name, List<String> problems) {
            var value = first(parameters, name);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add("'" + name + "' in the link is not a date like 2026-03-01: '" + value + "'; left out.");
                return null;
            }
        }

        static String first(Map<String, List<String>> parameters, String name) {
            var values = parameters.getOrDefault(name, List.of());
            return values.isEmpty() || values.get(0).isBlank()
                    ? null
                    : values.get(0).strip();
        }
    }

    void changed(boolean byUser) {
        if (byUser) {
            linkProblem = null;
        }
        refresh();
    }

    record Filter(String status, String caseNumber, Instant from, Instant to) {

        OrderFilter orders() {
            return new OrderFilter(OrderStatus.filter(status), caseNumber, from, to);
        }
    }

    /** The filter as the facade takes it, or null (and the reason shown) when the input is not usable. */
    Filter filter() {
        if (problem() != null) {
            return null;
        }
        var zone = BrowserTime.zone();
        var from = createdFrom.getValue();
        var to = createdTo.getValue();
        return new Filter(
                ALL.equals(status.getValue()) ? null : status.getValue(),
                blankToNull(caseNumber.getValue()),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    String problem() {
        if (createdFrom.isInvalid()) {
            return "Created from is not a date: use the picker or type e.g. 2026-03-01.";
        }
        if (createdTo.isInvalid()) {
            return "Created to is not a date: use the picker or type e.g. 2026-03-01.";
        }
        return problem(createdFrom.getValue(), createdTo.getValue(), caseNumber.getValue());
    }

    static String problem(LocalDate from, LocalDate to, String caseNumber) {
        if (from != null && to != null && from.isAfter(to)) {
            return "Created from (" + from + ") is after created to (" + to + "): no order can match.";
        }
        if (caseNumber != null && caseNumber.strip().length() > MAX_CASE_NUMBER) {
            return "A case number has at most " + MAX_CASE_NUMBER + " characters.";
        }
        return null;
    }

    /** One page, unaudited: the grid's count below records the listing once. */
    List<ScalepointOrder> items(Filter filter, Page.Request page) {
        try {
            return orders.items(filter.orders(), page);
        } catch (ProblemException e) {
            // the facade's own checks, should the view's ever let something through
            problem.setText(e.problem().detail());
            return List.of();
        }
    }

    /** How many match; the facade audits it as the listing (its rows carry claimants' names and e-mails). */
    long count(Filter filter) {
        try {
            return orders.count(filter.orders(), Reader.console(CurrentUser.actor()));
        } catch (ProblemException e) {
            problem.setText(e.problem().detail());
            return 0;
        }
    }

    void refresh() {
        var message = problem();
        if (message == null) {
            message = linkProblem;
        }
        problem.setText(message == null ? "" : message);
        grid.getDataProvider().refreshAll();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static String join(String city, String country) {
        if (city == null && country == null) {
            return "";
        }
        return city == null ? country : country == null ? city : city + ", " + country;
    }
}
