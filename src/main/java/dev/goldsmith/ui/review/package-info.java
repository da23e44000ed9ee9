/**
 * The Review tab: review mode's proposals in a queue, each as a word-level diff, accepted, rejected or edited from the
 * keyboard; and the diff view History and the item history show too ({@code DiffFlow}). View models here import no
 * {@code javafx.scene}; decisions go through {@code review.ReviewService} on the {@code TaskExecutor}.
 */
package dev.goldsmith.ui.review;
