package nl.kamerstroom.extract;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ExtractApplication {

    public static void main(String[] args) {
        // Avro 1.12.2 only instantiates generated classes from trusted packages; launchers pass it too.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "nl.kamerstroom.avro");
        }
        SpringApplication.run(ExtractApplication.class, args);
    }
}
