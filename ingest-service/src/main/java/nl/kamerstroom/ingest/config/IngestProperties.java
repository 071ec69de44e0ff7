package nl.kamerstroom.ingest.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest API.
 *
 * @param apiKeys         keys a client may send in {@code X-Api-Key}; from {@code KAMERSTROOM_API_KEY}, comma-separated.
 *                        Required: without a key the service refuses to start rather than run open.
 * @param maxDocumentSize largest document (and largest ZIP upload); larger bodies are refused while being read
 * @param maxPdfPages     largest PDF, in pages
 * @param retryAfter      what 503 answers tell clients to wait before trying again
 * @param batch           limits of a batch upload
 */
@Validated
@ConfigurationProperties("kamerstroom.ingest")
public record IngestProperties(
        @NotEmpty(message = "set KAMERSTROOM_API_KEY to one or more comma-separated API keys") List<String> apiKeys,
        @NotNull @DefaultValue("25MB") DataSize maxDocumentSize,
        @Min(1) @DefaultValue("2000") int maxPdfPages,
        @NotNull @DefaultValue("10s") Duration retryAfter,
        @Valid @NotNull @DefaultValue Batch batch) {

    /**
     * @param maxDocuments           most documents in one batch, multipart parts and ZIP entries together
     * @param maxUncompressedSize    most bytes one ZIP may expand to
     * @param maxCompressionRatio    a ZIP that expands more than this many times its size is a decompression bomb
     */
    public record Batch(
            @Min(1) @DefaultValue("100") int maxDocuments,
            @NotNull @DefaultValue("250MB") DataSize maxUncompressedSize,
            @Min(2) @DefaultValue("100") int maxCompressionRatio) {
    }
}
