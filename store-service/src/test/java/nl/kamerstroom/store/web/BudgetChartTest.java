package nl.kamerstroom.store.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.kamerstroom.store.model.BudgetTotal;

class BudgetChartTest {

    @Test
    void yearsFromFirstToLastGetABarScaledToTheLargestTotal() {
        // given
        List<BudgetTotal> totals = List.of(
                new BudgetTotal("34843", 2023, 1_000_000L, 1),
                new BudgetTotal("34843", 2025, 4_000_000L, 2),
                new BudgetTotal("34843", null, 9_000_000L, 1));

        // when
        BudgetChart chart = BudgetChart.of(totals);

        // then the undated total is left out, and 2024 stands empty between the others
        assertThat(chart.bars()).extracting(BudgetChart.Bar::year).containsExactly("2023", "2024", "2025");
        assertThat(chart.bars().get(1).barHeight()).isZero();
        assertThat(chart.bars().get(2).barHeight()).isCloseTo(4 * chart.bars().get(0).barHeight(), org.assertj.core.data.Offset.offset(1));
        assertThat(chart.bars().get(2).y() + chart.bars().get(2).barHeight()).isEqualTo(chart.baseline());
        assertThat(chart.bars().get(2).amount()).isEqualTo("€ 4 mln");
    }

    @Test
    void aDossierWithoutDatedBudgetsHasAnEmptyChart() {
        assertThat(BudgetChart.of(List.of(new BudgetTotal("1", null, 5L, 1))).isEmpty()).isTrue();
    }
}
