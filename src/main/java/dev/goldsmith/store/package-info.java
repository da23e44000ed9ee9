/**
 * SQLite storage: the connection, Flyway migrations ({@code db/migration}) and repositories.
 * May import {@code vault} and {@code ai} records; never {@code batch}, {@code cli}, the UI or JavaFX.
 */
package dev.goldsmith.store;
