package io.ordergate.console.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinServletRequest;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.stock.boundary.Stock;
import io.ordergate.stock.boundary.StockApplied;
import io.ordergate.stock.boundary.StockCsv;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Staff upload stock levels as CSV: the file is read into a preview (each line a level or what is
 * wrong with it) and applied only when nothing is wrong, as a count made at the time staff say
 * ("as of", now by default), through the same rules as the ERP's reports.
 */
class UploadPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final Stock stock;
    final ClientAddress clientAddress;
    final Runnable applied;

    final Upload upload = new Upload();
    final Span file = new Span();
    final Span summary = new Span();
    final Span problem = new Span();
    final DateTimePicker asOf = new DateTimePicker("As of (when the stock was counted)");
    final Checkbox errorsOnly = new Checkbox("Only lines with errors");
    final Button apply = new Button("Apply");
    final Grid<StockCsv.Line> preview = new Grid<>(StockCsv.Line.class, false);
    final Span result = new Span();
    final Grid<StockApplied.Ignored> ignored = new Grid<>(StockApplied.Ignored.class, false);

    StockCsv.Preview read;

    /** @param applied told after levels were applied, so that the lists show them */
    UploadPanel(Stock stock, ClientAddress clientAddress, Runnable applied) {
        this.stock = stock;
        this.clientAddress = clientAddress;
        this.applied = applied;
        setId("upload");
        setSizeFull();
        setPadding(false);

        var format = new Paragraph("A CSV file in UTF-8 with the header sku,warehouse,onHand and one level per line"
                + " (an empty warehouse is the SKU as a whole; ; instead of , works too). Each level replaces"
                + " the stored one unless that was counted later. At most "
                + String.format(Locale.ROOT, "%,d", Stock.MAX_LEVELS)
                + " levels and 4 MiB per file.");
        upload.setId("stock-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(StockCsv.MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
        upload.setDropLabel(new Span("Drop a CSV file here"));
        // in memory, but never more than one byte beyond the limit, whatever a client sends
        upload.setUploadHandler(event -> {
            byte[] bytes;
            try (var in = event.getInputStream()) {
                bytes = in.readNBytes(StockCsv.MAX_BYTES + 1);
            }
            var name = event.getFileName();
            event.getUI().access(() -> {
                read(name, bytes);
                upload.clearFileList();
            });
        });
        upload.addFileRejectedListener(rejected -> {
            clear();
            problem.setText(rejected.getErrorMessage() + " (at most 4 MiB, a .csv file)");
        });

        file.setId("upload-file");
        summary.setId("upload-summary");
        problem.setId("upload-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        asOf.setId("upload-as-of");
        asOf.setStep(Duration.ofSeconds(1));
        // an ISO date and a 24-hour time, as the console shows every time
        asOf.setLocale(Locale.forLanguageTag("sv-SE"));
        asOf.setHelperText("in your time zone; an older count than the stored one is ignored");
        asOf.addValueChangeListener(change -> enableApply());
        errorsOnly.setId("upload-errors-only");
        errorsOnly.addValueChangeListener(change -> showLines());
        apply.setId("upload-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());

        preview.setId("upload-preview");
        preview.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        preview.setEmptyStateText("Choose a file to see what it says.");
        preview.addColumn(StockCsv.Line::number)
                .setHeader("Line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(line -> line.ok() ? line.level().sku() : "")
                .setHeader("SKU")
                .setAutoWidth(true);
        preview.addColumn(line -> line.ok() ? Listing.warehouse(line.level().warehouse()) : "")
                .setHeader("Warehouse")
                .setAutoWidth(true);
        preview.addColumn(line -> line.ok() ? String.valueOf(line.level().onHand()) : "")
                .setHeader("On hand")
                .setAutoWidth(true);
        preview.addComponentColumn(UploadPanel::error)
                .setHeader("Error")
                .setFlexGrow(1)
                .setTooltipGenerator(line -> line.ok() ? null : line.error());

        result.setId("upload-result");
        ignored.setId("upload-ignored");
        ignored.addThemeVariants(GridVariant.LUMO_COMPACT);
        ignored.setAllRowsVisible(true);
        ignored.addColumn(StockApplied.Ignored::sku).setHeader("SKU").setAutoWidth(true);
        ignored.addColumn(i -> Listing.warehouse(i.warehouse()))
                .setHeader("Warehouse")
                .setAutoWidth(true);
        ignored.addColumn(StockApplied.Ignored::reason)
                .setHeader("Ignored because")
                .setFlexGrow(1);
        ignored.setVisible(false);

        var counts = new HorizontalLayout(file, summary, problem);
        counts.setAlignItems(FlexComponent.Alignment.BASELINE);
        counts.setWrap(true);
        var actions = new HorizontalLayout(asOf, apply, errorsOnly);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        add(format, upload, counts, actions, preview, result, ignored);
        expand(preview);
    }

    static Span error(StockCsv.Line line) {
        var error = new Span(line.ok() ? "" : line.error());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        return error;
    }

    void read(String name, byte[] bytes) {
        clear();
        read = StockCsv.parse(bytes);
        file.setText(name + ":");
        summary.setText(Listing.count(read.levels(), "level") + ", " + Listing.count(read.errors(), "error"));
        if (read.problem() != null) {
            problem.setText(read.problem());
        } else if (read.errors() > 0) {
            problem.setText("Correct the lines with errors and choose the file again; nothing is applied"
                    + " while a line is wrong.");
        }
        asOf.setValue(LocalDateTime.now(BrowserTime.zone()).truncatedTo(ChronoUnit.SECONDS));
        showLines();
        enableApply();
    }

    void clear() {
        read = null;
        file.setText("");
        summary.setText("");
        problem.setText("");
        result.setText("");
        ignored.setItems(List.of());
        ignored.setVisible(false);
        preview.setItems(List.of());
        apply.setEnabled(false);
    }

    void showLines() {
        preview.setItems(
                read == null
                        ? List.of()
                        : errorsOnly.getValue()
                                ? read.lines().stream()
                                        .filter(line -> !line.ok())
                                        .toList()
                                : read.lines());
    }

    void enableApply() {
        apply.setEnabled(read != null && read.applicable() && asOf.getValue() != null && !asOf.isInvalid());
    }

    void apply() {
        if (read == null || !read.applicable() || asOf.getValue() == null) {
            return;
        }
        var counted = asOf.getValue().atZone(BrowserTime.zone()).toInstant();
        var report = read.report(counted);
        var source = clientAddress.of(VaadinServletRequest.getCurrent().getHttpServletRequest());
        Actions.attempt(() -> stock.upload(report, CurrentUser.actor(), source)).ifPresent(done -> {
            result.setText(
                    "Applied " + done.applied() + " of " + report.levels().size() + " levels as of "
                            + BrowserTime.format(counted)
                            + (done.ignored().isEmpty()
                                    ? "."
                                    : "; " + done.ignored().size() + " ignored as older than the stored count:"));
            ignored.setItems(done.ignored());
            ignored.setVisible(!done.ignored().isEmpty());
            // applied once; a new file starts a new preview
            apply.setEnabled(false);
            Actions.success("Applied " + Listing.count(done.applied(), "stock level") + ".");
            applied.run();
        });
    }
}
