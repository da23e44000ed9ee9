/**
 * AI providers: the {@link dev.goldsmith.ai.Enhancer} port, the OpenAI-compatible provider, the offline rules
 * provider, prompts and response validation. May import {@code vault}; never {@code store}, {@code batch}, the UI or JavaFX.
 */
package dev.goldsmith.ai;
