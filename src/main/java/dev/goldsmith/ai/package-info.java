/**
 * AI providers: the {@link dev.goldsmith.ai.Enhancer} port, the provider type ({@link dev.goldsmith.ai.ProviderKind}:
 * rules, OpenAI-compatible, Azure OpenAI, Anthropic) and its presets, the HTTP providers over their wire formats, the
 * offline rules provider, operations with their prompts and answer schemas, response validation, failure
 * classification, API key lookup and the provider check.
 * May import {@code vault}; never {@code store}, {@code batch}, the UI or JavaFX.
 */
package dev.goldsmith.ai;
