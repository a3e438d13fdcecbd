package dev.sextant.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Token counts from LangChain4j's TokenUsage, and from OpenAI's subclass when the application has it. */
class CallUsageTest {

    @Test
    void plainTokenUsageHasNoSplit() {
        assertThat(CallUsage.of(new TokenUsage(1000, 500))).isEqualTo(new CallUsage(1000, 500, 0, 0, 0));
        assertThat(CallUsage.of(new TokenUsage())).isEqualTo(new CallUsage(0, 0, 0, 0, 0));
    }

    @Test
    void openAiCachedAndReasoningTokensArePassedOnAsSubsets() {
        OpenAiTokenUsage usage = OpenAiTokenUsage.builder().inputTokenCount(1000).outputTokenCount(500)
                .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(600).build())
                .outputTokensDetails(OpenAiTokenUsage.OutputTokensDetails.builder().reasoningTokens(100).build())
                .build();
        assertThat(CallUsage.of(usage)).isEqualTo(new CallUsage(1000, 500, 600, 0, 100));
        assertThat(CallUsage.of(OpenAiTokenUsage.builder().inputTokenCount(7).outputTokenCount(3).build()))
                .isEqualTo(new CallUsage(7, 3, 0, 0, 0));
    }

    @Test
    void anthropicCacheTokensAreAddedBackToInput() {
        AnthropicTokenUsage usage = AnthropicTokenUsage.builder().inputTokenCount(200).outputTokenCount(500)
                .cacheCreationInputTokens(1000).cacheReadInputTokens(3000).build();
        assertThat(CallUsage.of(usage)).isEqualTo(new CallUsage(4200, 500, 3000, 1000, 0));
        assertThat(CallUsage.of(AnthropicTokenUsage.builder().inputTokenCount(9).outputTokenCount(1).build()))
                .isEqualTo(new CallUsage(9, 1, 0, 0, 0));
    }

    @Test
    void geminiThoughtsAreAddedToOutput() {
        GoogleAiGeminiTokenUsage usage = GoogleAiGeminiTokenUsage.builder().inputTokenCount(10_000).outputTokenCount(1_000)
                .cachedContentTokenCount(4_000).thoughtsTokenCount(2_000).build();
        assertThat(CallUsage.of(usage)).isEqualTo(new CallUsage(10_000, 3_000, 4_000, 0, 2_000));
    }

    @Test
    void withoutLangChain4jsProviderModulesThePlainPathStillWorks() throws Exception {
        ClassLoader withoutOpenAi = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("dev.langchain4j.model.openai.") || name.startsWith("dev.langchain4j.model.anthropic.")
                        || name.startsWith("dev.langchain4j.model.googleai.")) {
                    throw new ClassNotFoundException(name + " (hidden: the application has no provider module)");
                }
                if (name.startsWith("dev.sextant.langchain4j.")) { // our classes, linked against the filtered loader
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded == null) {
                            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                                byte[] bytes = in.readAllBytes();
                                loaded = defineClass(name, bytes, 0, bytes.length);
                            } catch (IOException e) {
                                throw new ClassNotFoundException(name, e);
                            }
                        }
                        return loaded;
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        Class<?> callUsage = withoutOpenAi.loadClass(CallUsage.class.getName());
        Method of = callUsage.getDeclaredMethod("of", TokenUsage.class);
        of.setAccessible(true);
        assertThat(of.invoke(null, new TokenUsage(12, 3))).hasToString("CallUsage[input=12, output=3, cacheRead=0, cacheWrite=0, reasoning=0]");
        assertThat(callUsage.getClassLoader()).isSameAs(withoutOpenAi);
        assertThatThrownBy(() -> withoutOpenAi.loadClass(OpenAiTokenUsage.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
