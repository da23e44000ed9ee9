/**
 * The vault workspace: vault picker and summary, the filterable items table with its checkbox selection,
 * and an item's version history with Revert. View models here hold properties and lists, never nodes.
 */
package dev.goldsmith.ui.vault;
