/**
 * Review before apply: deciding review mode's proposals (accept, reject, accept with edits — one service for the
 * window and the command line) and the word-level diff of a before and an after. Imports {@code store}, {@code vault}
 * and {@code ai} records; no {@code batch}, {@code cli}, {@code ui}, JavaFX.
 */
package dev.goldsmith.review;
