package io.ordergate.console.credentials;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.ui.Actions;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scayle.boundary.MerchantSettingsView;
import io.ordergate.scayle.boundary.ScayleMerchantSettings;
import io.ordergate.stock.boundary.StockPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * A SCAYLE merchant's settings: the stock policy (what an item gets whose SKU has no stock level)
 * and the map of SCAYLE's warehouse ids to ours (which items a SCAYLE cancellation that names
 * warehouses covers). Admins change them; everyone else sees them read-only, without controls.
 */
class MerchantSettingsDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    /** One row of the map: its two fields. */
    record RowFields(HorizontalLayout layout, TextField scayleId, TextField reference) {}

    final ScayleMerchantSettings settings;
    final String merchantKey;
    final boolean admin;
    final RadioButtonGroup<StockPolicy> policy = new RadioButtonGroup<>("Stock policy");
    final VerticalLayout mapRows = new VerticalLayout();
    final List<RowFields> rows = new ArrayList<>();
    final Paragraph emptyMap = new Paragraph();
    final Paragraph changed = new Paragraph();
    final Div error = new Div();
    int created;

    MerchantSettingsDialog(ScayleMerchantSettings settings, MerchantSettingsView current, boolean admin) {
        this.settings = settings;
        this.merchantKey = current.merchantKey();
        this.admin = admin;
        setId("merchant-settings");
        setHeaderTitle("Settings of " + merchantKey);
        setWidth("min(56rem, 95vw)");
        // an admin's unsaved rows are not lost to a stray click
        setCloseOnOutsideClick(!admin);

        policy.setId("settings-stock-policy");
        policy.setItems(StockPolicy.values());
        policy.setItemLabelGenerator(p -> switch (p) {
            case TRUST -> "trust: a SKU without a stock level is deliverable in full (nothing reserved)";
            case STRICT -> "strict: a SKU without a stock level is not deliverable (0)";
        });
        policy.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        policy.setHelperText("Decides SCAYLE's deliverableQuantity for an item whose SKU the warehouse "
                + "system has never reported; a SKU with a level always gets what is available.");
        policy.setValue(current.stockPolicy());
        policy.setReadOnly(!admin);

        mapRows.setId("warehouse-map");
        mapRows.setPadding(false);
        mapRows.setSpacing(false);
        emptyMap.setId("warehouse-map-empty");
        emptyMap.setText("No warehouse map: a SCAYLE cancellation cancels every item not shipped yet, whichever "
                + "warehouses it names.");
        var body = new VerticalLayout(
                policy,
                new H4("Warehouse map"),
                new Paragraph("SCAYLE names warehouses by its numeric ids in a cancellation; the items of an order "
                        + "carry our warehouse (their warehouseReferenceKey). With a map, a cancellation that names "
                        + "warehouses cancels only the items whose warehouse maps to one of them."),
                emptyMap,
                mapRows);
        body.setPadding(false);
        if (admin) {
            var add = new Button("Add warehouse", VaadinIcon.PLUS.create(), click -> addRow("", ""));
            add.setId("warehouse-add");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            body.add(add);
        }
        changed.setId("settings-changed");
        changed.setText(
                current.updatedAt() == null
                        ? "Defaults: nobody has changed them yet."
                        : "Last changed " + BrowserTime.format(current.updatedAt()) + " by " + current.updatedBy()
                                + ".");
        error.setId("settings-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        body.add(changed, error);
        add(body);
        WarehouseMap.rows(current.warehouses()).forEach(row -> addRow(row.scayleId(), row.reference()));
        showEmpty();

        var close = new Button(admin ? "Cancel" : "Close", click -> close());
        close.setId("settings-close");
        getFooter().add(close);
        if (admin) {
            var save = new Button("Save settings", click -> save());
            save.setId("settings-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        }
    }

    void addRow(String scayleId, String reference) {
        int n = created++;
        var id = new TextField("SCAYLE warehouse id");
        id.setId("warehouse-id-" + n);
        id.setValue(scayleId);
        id.setPlaceholder("e.g. 7");
        id.setReadOnly(!admin);
        var ours = new TextField("Our warehouse (warehouseReferenceKey)");
        ours.setId("warehouse-reference-" + n);
        ours.setValue(reference);
        ours.setPlaceholder("e.g. WH1");
        ours.setMaxLength(WarehouseMap.MAX_REFERENCE);
        ours.setReadOnly(!admin);
        ours.setWidth("20rem");
        var layout = new HorizontalLayout(id, ours);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        var fields = new RowFields(layout, id, ours);
        if (admin) {
            var remove = new Button(VaadinIcon.TRASH.create(), click -> removeRow(fields));
            remove.setId("warehouse-remove-" + n);
            remove.setAriaLabel("Remove this warehouse");
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            layout.add(remove);
        }
        rows.add(fields);
        mapRows.add(layout);
        showEmpty();
    }

    void removeRow(RowFields fields) {
        rows.remove(fields);
        mapRows.remove(fields.layout());
        showEmpty();
    }

    void showEmpty() {
        emptyMap.setVisible(rows.isEmpty());
    }

    List<WarehouseMap.Row> typed() {
        return rows.stream()
                .map(f -> new WarehouseMap.Row(
                        f.scayleId().getValue(), f.reference().getValue()))
                .toList();
    }

    /** Marks what is wrong; true when nothing is. */
    boolean valid() {
        var problems = WarehouseMap.problems(typed());
        boolean ok = true;
        for (int i = 0; i < rows.size(); i++) {
            var problem = problems.get(i);
            mark(rows.get(i).scayleId(), problem.scayleId());
            mark(rows.get(i).reference(), problem.reference());
            ok &= !problem.any();
        }
        error.setText(ok ? "" : "Not saved: correct the marked warehouses.");
        return ok;
    }

    static void mark(TextField field, String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    void save() {
        if (!valid()) {
            return;
        }
        var map = WarehouseMap.map(typed());
        Actions.attempt(() -> settings.update(merchantKey, policy.getValue(), map, CurrentUser.actor()))
                .ifPresent(saved -> {
                    close();
                    Actions.success("Settings of " + merchantKey + " saved: stock policy "
                            + LowerCaseEnum.wire(saved.stockPolicy()) + ", "
                            + (saved.warehouses().isEmpty()
                                    ? "no warehouse map."
                                    : saved.warehouses().size() + " warehouses mapped."));
                });
    }
}
