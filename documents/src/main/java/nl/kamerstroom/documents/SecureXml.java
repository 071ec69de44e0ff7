package nl.kamerstroom.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses uploaded XML without any of XML's ways to reach out or blow up: a DOCTYPE is refused outright, which rules out
 * external entities (XXE), entity expansion (billion laughs) and external DTDs in one go; XInclude is off and the JDK's
 * secure-processing limits apply. Publications of officielebekendmakingen.nl have no DOCTYPE, so nothing real is lost.
 */
final class SecureXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private SecureXml() {
    }

    static Document parse(byte[] bytes) throws DocumentRejectedException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // the factory is not specified to be thread-safe, the builders it makes are per call
                builder = FACTORY.newDocumentBuilder();
            }
            // the default handler prints parse errors to stderr; they are reported to the uploader instead
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new DocumentRejectedException(Rejection.UNSAFE_XML, "The XML has a DOCTYPE or entity declarations, "
                        + "which are refused for safety (external entities, entity expansion). Remove the DOCTYPE and upload it again.");
            }
            throw new DocumentRejectedException(Rejection.MALFORMED_XML, "The XML is not well-formed (line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message + ").");
        } catch (SAXException e) {
            throw new DocumentRejectedException(Rejection.UNSAFE_XML, "The XML refers to something outside the document ("
                    + e.getMessage() + "), which is refused. Remove the DOCTYPE and upload it again.");
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(Rejection.MALFORMED_XML, "The XML cannot be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }
}
