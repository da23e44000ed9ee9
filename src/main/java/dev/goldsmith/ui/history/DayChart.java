package dev.goldsmith.ui.history;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;

/** Feeds the history chart: one bar of succeeded and one of failed items per day, following the view model. */
final class DayChart {

    private DayChart() {
    }

    static void bind(XYChart<String, Number> chart, HistoryViewModel viewModel) {
        XYChart.Series<String, Number> ok = new XYChart.Series<>();
        XYChart.Series<String, Number> failed = new XYChart.Series<>();
        ok.setName(viewModel.succeededSeriesName());
        failed.setName(viewModel.failedSeriesName());
        Runnable show = () -> {
            ok.getData().setAll(viewModel.days().stream()
                    .map(d -> new XYChart.Data<String, Number>(d.day().toString(), d.succeeded())).toList());
            failed.getData().setAll(viewModel.days().stream()
                    .map(d -> new XYChart.Data<String, Number>(d.day().toString(), d.failed())).toList());
        };
        show.run();
        chart.getData().setAll(List.of(ok, failed));
        viewModel.days().addListener((ListChangeListener<DayCount>) c -> show.run());
    }
}
