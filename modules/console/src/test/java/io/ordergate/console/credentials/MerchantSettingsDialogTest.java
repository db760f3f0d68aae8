package io.ordergate.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.ordergate.scayle.boundary.MerchantSettingsView;
import io.ordergate.stock.boundary.StockPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MerchantSettingsDialogTest {

    static final MerchantSettingsView STORED =
            new MerchantSettingsView("acme", StockPolicy.STRICT, Map.of("12", "WH2", "7", "WH1"), null, null);

    static Optional<Button> button(Component root, String id) {
        return descendants(root)
                .filter(c -> c instanceof Button && id.equals(c.getId().orElse(null)))
                .map(Button.class::cast)
                .findFirst();
    }

    static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(MerchantSettingsDialogTest::descendants));
    }

    @Test
    void showsTheStoredPolicyAndMapInTheOrderOfTheIds() {
        var dialog = new MerchantSettingsDialog(null, STORED, true);
        assertThat(dialog.policy.getValue()).isEqualTo(StockPolicy.STRICT);
        assertThat(dialog.typed()).containsExactly(new WarehouseMap.Row("7", "WH1"), new WarehouseMap.Row("12", "WH2"));
        assertThat(dialog.emptyMap.isVisible()).isFalse();
        assertThat(dialog.changed.getText()).startsWith("Defaults");
    }

    @Test
    void anAdminsBadRowsAreMarkedAtTheirFieldsAndARemovedRowCountsNoMore() {
        var dialog = new MerchantSettingsDialog(null, STORED, true);
        dialog.addRow("7", "WH3");
        dialog.addRow("", "WH4");
        assertThat(dialog.valid()).isFalse();
        assertThat(dialog.rows.get(2).scayleId().isInvalid()).isTrue();
        assertThat(dialog.rows.get(2).scayleId().getErrorMessage())
                .isEqualTo("Warehouse 7 is already mapped in row 1.");
        assertThat(dialog.rows.get(3).scayleId().getErrorMessage()).isEqualTo("Enter SCAYLE's warehouse id.");
        assertThat(dialog.rows.get(0).scayleId().isInvalid()).isFalse();
        assertThat(dialog.error.getText()).startsWith("Not saved");

        dialog.removeRow(dialog.rows.get(3));
        dialog.removeRow(dialog.rows.get(2));
        assertThat(dialog.valid()).isTrue();
        assertThat(dialog.error.getText()).isEmpty();
    }

    @Test
    void aReaderSeesEverythingReadOnlyWithNothingToPress() {
        var dialog = new MerchantSettingsDialog(null, STORED, false);
        assertThat(dialog.policy.isReadOnly()).isTrue();
        assertThat(dialog.rows)
                .allSatisfy(row -> assertThat(
                                row.scayleId().isReadOnly() && row.reference().isReadOnly())
                        .isTrue());
        assertThat(button(dialog, "warehouse-add")).isEmpty();
        assertThat(button(dialog, "warehouse-remove-0")).isEmpty();
        assertThat(dialog.getFooter().getElement().getChildCount()).isEqualTo(1);
    }
}
