/**
 * The History tab: past batches with filters, stats and a per-day chart, and the detail of one batch (item
 * outcomes, before/after, Resume, Retry failed, Export CSV). View models here import no {@code javafx.scene}.
 */
package dev.goldsmith.ui.history;
