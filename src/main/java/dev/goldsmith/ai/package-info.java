/**
 * AI providers: the {@link dev.goldsmith.ai.Enhancer} port, the OpenAI-compatible provider, the offline rules
 * provider, prompts, response validation, failure classification, API key lookup and the provider check.
 * May import {@code vault}; never {@code store}, {@code batch}, the UI or JavaFX.
 */
package dev.goldsmith.ai;
