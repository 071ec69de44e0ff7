package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction.Mission;

class MissionRecogniserTest {

    private static MissionRecogniser recogniser;

    @BeforeAll
    static void loadGazetteer() {
        recogniser = new MissionRecogniser(MissionGazetteer.load());
    }

    private List<Mission> missions(String text) {
        NormalisedText t = Texts.normalise(text);
        return recogniser.recognise(Texts.sentences(t), t);
    }

    private Mission only(String text) {
        List<Mission> found = missions(text);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void givenNameWithAcronymThenAcronymAlone_whenRecognised_thenOneMissionWithTheWrittenName() {
        Mission m = only("Wij verlengen de bijdrage aan de NAVO Missie Irak (NMI). NMI is een non-combat missie. De commandant van NMI blijft.");

        assertThat(m.acronym()).isEqualTo("NMI");
        assertThat(m.name()).isEqualTo("NAVO Missie Irak");
        assertThat(m.organisation()).isEqualTo("NAVO");
        assertThat(m.country()).isEqualTo("Irak");
        assertThat(m.dutchContribution()).isTrue();
    }

    @Test
    void givenSpellingVariants_whenRecognised_thenMergedUnderTheUpperCaseAcronym() {
        Mission m = only("Nederland draagt bij aan UNMISS. De situatie rond Unmiss blijft zorgelijk.");
        assertThat(m.acronym()).isEqualTo("UNMISS");
        assertThat(m.naturalKey()).isEqualTo("mission:unmiss");
        assertThat(m.country()).isEqualTo("Zuid-Soedan");
        assertThat(m.organisation()).isEqualTo("VN");
    }

    @Test
    void givenEuforAndEUFORAlthea_whenRecognised_thenOneMission() {
        Mission m = only("Nederland levert stafofficieren aan EUFOR Althea in Bosnië. Eufor blijft van belang.");
        assertThat(m.acronym()).isEqualTo("EUFOR");
        assertThat(m.organisation()).isEqualTo("EU");
    }

    @Test
    void givenUnknownMissionWithAcronym_whenTheNameSaysMission_thenItIsRecognised() {
        Mission m = only("Nederland levert een bijdrage aan de EU-adviesmissie Irak (EUAM).");
        assertThat(m.name()).isEqualTo("EU-adviesmissie Irak");
        assertThat(m.organisation()).isEqualTo("EU");
        assertThat(m.country()).isEqualTo("Irak");
    }

    @Test
    void givenMissionOnlyMentioned_whenRecognised_thenNoDutchContribution() {
        Mission m = only("De VN-Veiligheidsraad besloot het mandaat van de United Nations Assistance Mission Iraq (UNAMI) te beëindigen.");
        assertThat(m.dutchContribution()).isFalse();
        assertThat(m.organisation()).isEqualTo("VN");
        assertThat(m.personnel()).isNull();
    }

    @Test
    void givenCoalitionOperationWithAreaAfterIt_whenRecognised_thenCountryFromContextAndNoOrganisation() {
        Mission m = only("De VS-geleide missie van de anti-ISIS-Coalitie Operation Inherent Resolve (OIR) in Irak wordt omgevormd.");
        assertThat(m.name()).isEqualTo("Operation Inherent Resolve");
        assertThat(m.country()).isEqualTo("Irak");
        assertThat(m.organisation()).isNull();
    }

    @Test
    void givenPartsOfAMission_whenRecognised_thenTheyAreNotMissions() {
        assertThat(missions("Adviseurs bij het Joint Operations Command Advisory Team (JOCAT) North en de Popular Mobilization "
                + "Forces (PMF) en de Combined Task Force (CTF) en de Special Operations Forces.")).isEmpty();
    }

    @Test
    void givenTradeAndInnovationMissions_whenRecognised_thenTheyAreNotMissions() {
        assertThat(missions("De minister leidt een handelsmissie naar Irak. De innovatiemissie Energie (IME) en de "
                + "EU-handelsmissie in Irak gaan door. Onze missie is duidelijk.")).isEmpty();
    }

    @Test
    void givenGenericOrganisationMissionInArea_whenTheLetterNamesThatMission_thenMergedIntoIt() {
        Mission m = only("Nederland levert force protection aan NMI. De rechtsbasis voor de NAVO-missie in Irak is ongewijzigd.");
        assertThat(m.acronym()).isEqualTo("NMI");
    }

    @Test
    void givenGenericVnMissionInArea_whenOnlyOneKnownThere_thenItIsThatMission() {
        Mission m = only("Nederland draagt met twee stafofficieren bij aan de VN-vredesmissie in Zuid-Soedan.");
        assertThat(m.acronym()).isEqualTo("UNMISS");
        assertThat(m.personnel()).isEqualTo(2);
        assertThat(m.dutchContribution()).isTrue();
    }

    @Test
    void givenPersonnelPhrases_whenRecognised_thenCountsAreRead() {
        assertThat(only("Nederland levert circa 145 militairen aan NMI.").personnel()).isEqualTo(145);
        assertThat(only("Nederland draagt bij aan UNIFIL met maximaal 175 militairen.").personnel()).isEqualTo(175);
        assertThat(only("Nederland levert ongeveer vijftig militairen aan KFOR.").personnel()).isEqualTo(50);
        assertThat(only("Nederland levert een stafofficier aan UNTSO.").personnel()).isEqualTo(1);
        assertThat(only("Nederland levert ca. 60 militairen aan MINUSMA.").personnel()).isEqualTo(60);
    }

    @Test
    void givenFullPeriod_whenRecognised_thenStartAndEnd() {
        Mission m = only("Nederland levert circa 145 militairen aan NMI voor de periode van 1 januari 2025 tot en met 30 juni 2025.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void givenMonthOnlyPeriod_whenRecognised_thenFirstAndLastDayOfTheMonths() {
        Mission m = only("Door de inzet te verlengen, van januari 2025 tot en met juni 2025, blijft Nederland beschikbaar voor NMI.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void givenEndOnlyThenFullPeriodLater_whenRecognised_thenTheFullPeriodWins() {
        Mission m = only("Nederland voert tot en met mei 2025 het commando van NMI. "
                + "Nederland verlengt de bijdrage aan NMI van 1 januari 2025 tot en met 30 juni 2025.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void givenOnlyAnEndDate_whenRecognised_thenEndIsTheLastDayOfThatMonth() {
        Mission m = only("Het kabinet verlengt de bijdrage aan UNIFIL tot en met juni 2025.");
        assertThat(m.start()).isNull();
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void givenTwoMissionsInOneSentence_whenRecognised_thenPersonnelGoesToTheNearestOne() {
        List<Mission> found = missions("Nederland levert 120 militairen aan NMI en het helikopterdetachement is beschikbaar voor OIR.");
        assertThat(found).extracting(Mission::acronym).containsExactly("NMI", "OIR");
        assertThat(found.get(0).personnel()).isEqualTo(120);
        assertThat(found.get(1).personnel()).isNull();
        assertThat(found.get(1).dutchContribution()).isTrue();
    }

    @Test
    void givenMission_whenRecognised_thenEvidenceIsTheFirstSentenceExactly() {
        String text = "Inleiding zonder missie.\n\nNederland levert een bijdrage aan\nUNIFIL in Libanon. Unifil is groot.";
        Mission m = only(text);
        assertThat(m.evidence().quote()).isEqualTo("Nederland levert een bijdrage aan\nUNIFIL in Libanon.");
        assertThat(text.substring(m.evidence().start(), m.evidence().end())).isEqualTo(m.evidence().quote());
    }

    @Test
    void givenOrganisationMissionInAreaWithAcronym_whenRecognised_thenTheWholeNameIsKept() {
        Mission m = only("Nederland draagt bij aan de VN-missie in Mali (MINUSMA) met ca. 250 militairen.");
        assertThat(m.name()).isEqualTo("VN-missie in Mali");
        assertThat(m.acronym()).isEqualTo("MINUSMA");
        assertThat(m.country()).isEqualTo("Mali");
        assertThat(m.personnel()).isEqualTo(250);
    }

    @Test
    void givenAcronymWithAreaInParentheses_whenRecognised_thenAcronymAndCountry() {
        Mission m = only("Nederland levert trainers aan de EU-trainingsmissie in Mali (EUTM Mali). EUTM Mali traint het leger.");
        assertThat(m.acronym()).isEqualTo("EUTM");
        assertThat(m.country()).isEqualTo("Mali");
        assertThat(m.organisation()).isEqualTo("EU");
    }

    @Test
    void givenOperationWithOwnAcronymAndLaterGazetteerName_whenRecognised_thenOneMission() {
        Mission m = only("Nederland levert een fregat aan Operation Sea Guardian (OSG). Sea Guardian bewaakt de Middellandse Zee.");
        assertThat(m.acronym()).isEqualTo("OSG");
        assertThat(m.organisation()).isEqualTo("NAVO");
    }

    @Test
    void givenStandingForces_whenRecognised_thenTheyAreNotMissions() {
        assertThat(missions("Nederland levert eenheden aan de NATO Response Force (NRF) en de Joint Expeditionary Force (JEF).")).isEmpty();
    }

    @Test
    void givenMissionOnlyInAFootnote_whenRecognised_thenItIsNotAMentionOfTheLetter() {
        assertThat(missions("Het kabinet informeert u.¹\n\n¹ Kamerbrief over UNIFIL (Kamerstuk 29 521, nr. 400).\n")).isEmpty();
    }

    @Test
    void givenDiplomaticMissionAndPoliceOperation_whenRecognised_thenTheyAreNotMissions() {
        assertThat(missions("De Permanente Missie bij de Verenigde Naties (PMNY) en de politie-operatie Dageraad "
                + "en de Operatie Sneeuwwitje (OS) liepen door.")).isEmpty();
    }

    private Mission named(List<Mission> found, String acronymOrName) {
        return found.stream().filter(m -> acronymOrName.equals(m.acronym()) || acronymOrName.equals(m.name()))
                .findFirst().orElseThrow(() -> new AssertionError(acronymOrName + " not in " + found));
    }

    @Test
    void givenOrganisationOperationWithACapitalisedName_whenRecognised_thenItIsAMissionOfThatOrganisation() {
        Mission m = only("De Europese Raad heeft besloten dat de EU de NAVO-operatie Allied Harmony in Macedonië per "
                + "31 maart 2003 overneemt.");
        assertThat(m.name()).isEqualTo("Allied Harmony");
        assertThat(m.acronym()).isNull();
        assertThat(m.organisation()).isEqualTo("NAVO");
        assertThat(m.country()).isEqualTo("Noord-Macedonië");
        assertThat(m.dutchContribution()).isFalse();
    }

    @Test
    void givenOrganisationOperationWithoutAName_whenRecognised_thenNoMission() {
        assertThat(missions("De EU neemt de NAVO-operatie in Macedonië over. De EU-operatie krijgt een naam.")).isEmpty();
    }

    @Test
    void givenGazetteerHitWrittenWithOperatie_whenRecognised_thenTheGazetteersName() {
        Mission m = only("De NAVO-operatie Sea Guardian draagt bij aan veiligheid. Nederland levert een onderzeeboot aan Sea Guardian.");
        assertThat(m.name()).isEqualTo("Sea Guardian");
        assertThat(m.organisation()).isEqualTo("NAVO");
    }

    @Test
    void givenAnotherDesignationWithItsOwnAcronym_whenRecognised_thenTheKnownMissionUnderItsOwnNameAndAcronym() {
        Mission m = only("Nederland levert een bijdrage aan eFP in Litouwen. De eenheden heten ook Forward Land Forces (FLF).");
        assertThat(m.acronym()).isEqualTo("EFP");
        assertThat(m.name()).isEqualTo("Enhanced Forward Presence");
    }

    @Test
    void givenAcronymWithItsArea_whenRecognised_thenTheWrittenNameStays() {
        assertThat(only("Nederland levert trainers aan EUTM Mali.").name()).isEqualTo("EUTM Mali");
    }

    @Test
    void givenFullUnNameBeforeAnAcronymWithAnotherInitial_whenRecognised_thenTheOrganisationIsPartOfTheName() {
        Mission m = only("Nederland droeg bij aan de United Nations Multidimensional Integrated Stabilization\nMission in Mali (MINUSMA).");
        assertThat(m.name()).isEqualTo("United Nations Multidimensional Integrated Stabilization Mission in Mali");
    }

    @Test
    void givenNegationBetweenCueAndMission_whenRecognised_thenNoContribution() {
        assertThat(only("Nederland levert momenteel geen bijdrage aan Irini; het kabinet beziet of een bijdrage in 2026 "
                + "mogelijk is.").dutchContribution()).isFalse();
        assertThat(only("Nederland draagt niet bij aan UNDOF.").dutchContribution()).isFalse();
        assertThat(only("Nederland levert niet langer militairen aan KFOR.").dutchContribution()).isFalse();
        assertThat(only("Het kabinet heeft besloten geen bijdrage te leveren aan EUBAM Libya.").dutchContribution()).isFalse();
        assertThat(only("Het kabinet heeft besloten niet bij te dragen aan EUBAM Libya.").dutchContribution()).isFalse();
        assertThat(only("Het kabinet steunt EUTM Mali, waaraan Nederland niet langer bijdraagt.").dutchContribution()).isFalse();
    }

    @Test
    void givenExplicitNegativeAfterAPositiveCue_whenRecognised_thenTheNegativeWins() {
        Mission m = only("Het kabinet verlengt de inzet in Irak, waaronder bij NMI. Nederland levert niet langer een bijdrage aan NMI.");
        assertThat(m.dutchContribution()).isFalse();
    }

    @Test
    void givenNegationThatIsNotAboutTheContribution_whenRecognised_thenStillAContribution() {
        assertThat(only("De transitie heeft geen impact op de bijdragen van Nederland aan OIR.").dutchContribution()).isTrue();
        assertThat(only("Nederland levert niet alleen geld maar ook militairen aan KFOR.").dutchContribution()).isTrue();
    }

    @Test
    void givenSeparableVerbAroundItsObject_whenRecognised_thenAContribution() {
        assertThat(only("Nederland draagt sinds maart 2023 met twee experts bij aan UNIFIL.").dutchContribution()).isTrue();
    }

    @Test
    void givenContributionToDeMissieInTheNextSentence_whenRecognised_thenItBelongsToTheMissionNamedBefore() {
        Mission m = only("De EU Partnership Mission Moldova (EUPM Moldova) ondersteunt Moldavië. Nederland draagt met twee "
                + "experts bij aan de missie.");
        assertThat(m.dutchContribution()).isTrue();
        assertThat(m.personnel()).isEqualTo(2);
    }

    @Test
    void givenHieraan_whenRecognised_thenTheContributionBelongsToTheMissionNamedBefore() {
        Mission m = only("Op 1 januari 2003 is de EU-politiemissie in Bosnië-Herzegovina (EUPM) van start gegaan.\n"
                + "Nederland levert hieraan enkele politiefunctionarissen en marechaussees.");
        assertThat(m.dutchContribution()).isTrue();
    }

    @Test
    void givenHeadingNamingTheMission_whenTheParagraphSaysDeBijdrage_thenPersonnelAndEndBelongToIt() {
        Mission m = only("Nederlandse bijdrage aan KFOR\n\nDe bijdrage bestaat uit drie stafofficieren en wordt voortgezet "
                + "tot en met 31 december 2024.");
        assertThat(m.personnel()).isEqualTo(3);
        assertThat(m.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void givenAnaphorTwoSentencesOnWithAGluedFootnoteMarker_whenRecognised_thenHeadCountAndEndBelongToTheMission() {
        Mission m = only("De door de NAVO geleide Stabilisation Force (SFOR) wordt verkleind. Nederland levert een bataljon.\n"
                + "De Nederlandse bijdrage van ca. 1.100 militairen wordt voortgezet tot 31 december 2003.1 Het kabinet "
                + "zal uw Kamer informeren.\n\n1 Kamerstuk 22 181, nr. 240.\n");
        assertThat(m.personnel()).isEqualTo(1100);
        assertThat(m.end()).isEqualTo(LocalDate.of(2003, 12, 31));
    }

    @Test
    void givenAnaphorInALaterParagraph_whenTheOpeningNamesOneContribution_thenItIsThatMissions() {
        Mission m = only("Nederland draagt bij aan KFOR.\n\nDe Raad sprak over Georgië. De bijdrage wordt voortgezet tot en met "
                + "31 december 2024.");
        assertThat(m.end()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void givenAnaphorInALaterParagraph_whenTheOpeningNamesTwoContributions_thenItIsNotResolved() {
        List<Mission> found = missions("Nederland draagt bij aan KFOR en aan EULEX.\n\nDe Raad sprak over Georgië. De bijdrage "
                + "wordt voortgezet tot en met 31 december 2024.");
        assertThat(found).hasSize(2).extracting(Mission::end).containsOnlyNulls();
    }

    @Test
    void givenOrganisationActivityWithAName_whenNamedAgainWithoutPrefix_thenOneMissionOfThatOrganisation() {
        List<Mission> found = missions("Wij informeren u over de NAVO-activiteit Eastern Sentry. Aan Eastern Sentry nemen "
                + "twaalf bondgenoten deel. De activiteit Eastern Sentry is in september begonnen.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Eastern Sentry");
            assertThat(m.organisation()).isEqualTo("NAVO");
            assertThat(m.evidence().quote()).startsWith("Wij informeren u");
        });
    }

    @Test
    void givenTheKindOfMissionBetweenCueAndName_whenRecognised_thenItIsAContribution() {
        assertThat(only("Nederland levert een bijdrage aan de NAVO-activiteit Eastern Sentry.").dutchContribution()).isTrue();
        assertThat(only("Wij dragen bij aan de trainingsmissie EUTM Mozambique.").dutchContribution()).isTrue();
        assertThat(only("Het kabinet besluit een bijdrage te leveren aan de EU-geleide operatie EUFOR Althea.")
                .dutchContribution()).isTrue();
        assertThat(only("Nederland levert geen bijdrage aan de VN-vredesmacht UNIFIL in Zuid-Libanon.").dutchContribution())
                .isFalse();
    }

    @Test
    void givenGenericMissionInACountry_whenRecognised_thenTheCountryIsNotTakenForItsName() {
        List<Mission> found = missions("De VN-missie Mali wordt afgebouwd.");
        assertThat(found).extracting(Mission::name).doesNotContain("Mali");
    }

    @Test
    void givenContributionSentencesUnderAHeadingNamingTheMission_whenTheyNameNoMission_thenTheirFactsAreItsOwn() {
        Mission m = only("Inleiding\n\nHierbij informeer ik u over de inzet aan de oostflank.\n\nEnhanced Air Policing\n\n"
                + "Sinds 2014 versterkt de NAVO met Enhanced Air Policing (eAP) de luchtverdediging in Roemenië.\n\n"
                + "Het kabinet heeft besloten wederom een bijdrage te leveren. Vanaf de vliegbasis Mihail Kogălniceanu zal een "
                + "detachement met ongeveer zeventig militairen vier jachtvliegtuigen inzetten. De Nederlandse bijdrage loopt "
                + "van 1 april 2026 tot en met 31 juli 2026.");
        assertThat(m.acronym()).isEqualTo("EAP");
        assertThat(m.dutchContribution()).isTrue();
        assertThat(m.personnel()).isEqualTo(70);
        assertThat(m.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void givenContributionSentencesUnderAHeadingNamingNoMission_whenTheOpeningNamesOne_thenTheirFactsAreThatMissions() {
        List<Mission> found = missions("Met deze brief informeren wij u over de voortzetting van de Nederlandse bijdrage aan de "
                + "United Nations Truce Supervision Organization (UNTSO).\n\nDe Nederlandse bijdrage\n\nNederland levert "
                + "sinds 1956 waarnemers aan de missie. Nederland draagt van 1 maart 2026 tot en met 28 februari 2027 bij met "
                + "twaalf militairen, als onderdeel van de Observer Group Lebanon. De Koninklijke Marechaussee levert geen "
                + "personeel aan de missie.\n\nAndere missies\n\nNederland levert geen bijdrage aan de United Nations "
                + "Interim Force in Lebanon (UNIFIL).");
        Mission untso = found.stream().filter(m -> "UNTSO".equals(m.acronym())).findFirst().orElseThrow();
        assertThat(untso.dutchContribution()).isTrue();
        assertThat(untso.personnel()).isEqualTo(12);
        assertThat(untso.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(untso.end()).isEqualTo(LocalDate.of(2027, 2, 28));
        Mission unifil = found.stream().filter(m -> "UNIFIL".equals(m.acronym())).findFirst().orElseThrow();
        assertThat(unifil.dutchContribution()).isFalse();
    }

    @Test
    void givenADeclinedContributionAndAReasonNamingOthers_whenRecognised_thenOnlyTheDeclinedOneIsNo() {
        List<Mission> found = missions("Het kabinet ziet geen aanleiding een bijdrage aan UNMIK te overwegen, omdat de "
                + "Nederlandse inzet in Kosovo via KFOR en EULEX verloopt.");
        assertThat(found).extracting(Mission::acronym, Mission::dutchContribution)
                .containsExactlyInAnyOrder(tuple("UNMIK", false), tuple("KFOR", true), tuple("EULEX", true));
    }

    @Test
    void givenAContributionThatIsNotMade_whenTheSentenceHasAYear_thenTheMissionGetsNoPeriod() {
        Mission m = only("Nederland levert in 2026 geen fregat aan operatie Atalanta.");
        assertThat(m.dutchContribution()).isFalse();
        assertThat(m.start()).isNull();
        assertThat(m.end()).isNull();
    }

    @Test
    void givenAnOperationsOfficialEnglishName_whenItIsInTheGazetteer_thenItIsNamedAsWritten() {
        Mission m = only("Nederland draagt evenmin bij aan de door de VS geleide Operation Prosperity Guardian in de Rode Zee.");
        assertThat(m.name()).isEqualTo("Operation Prosperity Guardian");
        assertThat(m.dutchContribution()).isFalse();
    }

    @Test
    void givenAnAcronymTheLetterIntroduced_whenUsedAloneLater_thenItIsThatMission() {
        List<Mission> found = missions("De door de VS geleide Combined Joint Operation Southern Shield (CJOSS) beschermt de "
                + "scheepvaart. Nederland levert sinds maart 2024 drie stafofficieren aan CJOSS.");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.acronym()).isEqualTo("CJOSS");
            assertThat(m.dutchContribution()).isTrue();
            assertThat(m.personnel()).isEqualTo(3);
            assertThat(m.start()).isEqualTo(LocalDate.of(2024, 3, 1));
        });
    }

    @Test
    void givenPartCountsThenATotal_whenRecognised_thenTheTotalIsThePersonnel() {
        Mission m = only("Nederland levert een fregat aan EUNAVFOR Aspides.\n\nDe Nederlandse bijdrage\n\nHet schip heeft "
                + "een bemanning van circa 180 militairen. Daarnaast levert Nederland vier stafofficieren aan het "
                + "hoofdkwartier. In totaal gaat het om maximaal 190 militairen.");
        assertThat(m.personnel()).isEqualTo(190);
    }

    @Test
    void givenAHeadCountRestatedWithoutTheMissionsName_whenRecognised_thenItBelongsToTheMissionBefore() {
        Mission m = only("Nederland levert sinds 2017 een bijdrage aan de Enhanced Forward Presence in Litouwen. Momenteel "
                + "gaat het om circa 250 militairen.");
        assertThat(m.personnel()).isEqualTo(250);
    }

    @Test
    void givenCountsOfOneContributionJoinedByEn_whenRecognised_thenTheyAreAddedUp() {
        Mission m = only("Nederland levert aan EULEX Kosovo twee politiefunctionarissen en een rechtsstaatexpert.");
        assertThat(m.personnel()).isEqualTo(3);
    }

    @Test
    void givenANamedUnitThatIsPartOfAMission_whenRecognised_thenItIsNoMissionOfItsOwn() {
        List<Mission> found = missions("UNMISS bezuinigt bij de Regional Protection Force (RPF), die als onderdeel van de missie "
                + "in Juba is gestationeerd.");
        assertThat(found).extracting(Mission::acronym).containsExactly("UNMISS");
    }

    @Test
    void givenAContributionThatIsOnlyConsidered_whenRecognised_thenItIsNone() {
        assertThat(only("Het kabinet heeft overwogen een bijdrage te leveren aan de VN-missie in Sierra Leone (UNAMSIL), maar "
                + "ziet daarvan, gelet op de huidige inzet, af.").dutchContribution()).isFalse();
        assertThat(only("De EU Monitoring Mission in Georgia (EUMM) is actief. Het kabinet onderzoekt of een Nederlandse "
                + "bijdrage mogelijk is.").dutchContribution()).isFalse();
    }

    @Test
    void givenASentenceImplyingAContribution_whenTheMissionBeforeItWasDeclined_thenItIsNotThatMissions() {
        Mission m = only("Nederland levert geen bijdrage aan UNIFIL. Het kabinet zet wel twaalf militairen in voor de "
                + "training van de Libanese strijdkrachten.");
        assertThat(m.dutchContribution()).isFalse();
        assertThat(m.personnel()).isNull();
    }

    @Test
    void givenMoneyContributedUnderAMissionsHeading_whenRecognised_thenItIsNoPeriodOfTheMission() {
        Mission m = only("EUPOL COPPS\n\nNederland levert twee experts aan EUPOL COPPS. Daarnaast draagt Nederland in 2025 "
                + "€ 3 miljoen bij aan de hervorming van de veiligheidssector.");
        assertThat(m.start()).isNull();
        assertThat(m.personnel()).isEqualTo(2);
    }

    @Test
    void givenAnAcronymFollowedByItsArea_whenRecognised_thenThatAreaIsTheCountry() {
        assertThat(only("Nederland levert geen bijdrage aan EUMAM Mozambique.").country()).isEqualTo("Mozambique");
    }

    @Test
    void givenTwoMissionsOfOneFamily_whenRecognised_thenTwoMissionsAndABareAcronymBelongsToTheOneNamedBefore() {
        List<Mission> found = missions("Nederland levert twee adviseurs aan EUCAP Somalia. Ook EUCAP Sahel Niger krijgt steun. "
                + "De bijdrage aan EUCAP loopt door.\n\nNederland levert daarnaast een expert aan EUBAM Rafah.");
        assertThat(found).extracting(Mission::name).containsExactly("EUCAP Somalia", "EUCAP Sahel Niger", "EUBAM Rafah");
        assertThat(found).extracting(Mission::acronym).containsExactly("EUCAP", "EUCAP", "EUBAM");
        assertThat(found.get(0).personnel()).isEqualTo(2);
    }

    @Test
    void givenStandingAndReserveForces_whenRecognised_thenTheyAreNoMissions() {
        List<Mission> found = missions("Zr.Ms. Evertsen is vlaggenschip van Standing NATO Maritime Group 1 (SNMG1). De NAVO "
                + "versterkte KFOR met eenheden uit de Operational Reserve Force (ORF).");
        assertThat(found).extracting(Mission::acronym).containsExactly("KFOR");
    }

    @Test
    void givenAJointOperation_whenRecognised_thenItIsNamedAsWritten() {
        assertThat(only("De KMar was actief in de Joint Operation Poseidon in Griekenland.").name())
                .isEqualTo("Joint Operation Poseidon");
    }

    @Test
    void givenSentencesAboutTheDutchUnit_whenTheyNameNoMission_thenTheirFactsAreThoseOfTheMissionBefore() {
        Mission m = only("Nederland levert aan KFOR een taakgroep. De infanteriecompagnie telt circa 140 militairen. Daarnaast "
                + "levert Nederland vijf stafofficieren aan het hoofdkwartier van de missie. In totaal bestaat de bijdrage uit "
                + "maximaal 250 militairen. De taakgroep wordt voor de duur van twaalf maanden vanaf 1 april 2026 ingezet.");
        assertThat(m.personnel()).isEqualTo(250);
        assertThat(m.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void givenAContributionThatEnds_whenRecognised_thenItsEndDate() {
        assertThat(only("De Nederlandse bijdrage aan EUBAM Libya eindigt op 30 juni 2025.").end()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(only("De bijdrage aan SFOR eindigt met de beëindiging van de operatie op 2 december 2004.").end())
                .isEqualTo(LocalDate.of(2004, 12, 2));
        assertThat(only("Twee adviseurs keerden terug; de Nederlandse bijdrage aan EUCAP Sahel Niger is per 30 juni 2024 "
                + "beëindigd.").end()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void givenTheMissionsOwnStartInARelativeClause_whenRecognised_thenItIsNotTheContributionsStart() {
        Mission m = only("Nederland draagt met ongeveer vijftig instructeurs bij aan EUMAM Ukraine, die sinds november 2022 "
                + "Oekraïense militairen traint.");
        assertThat(m.start()).isNull();
        assertThat(m.personnel()).isEqualTo(50);
    }

    @Test
    void givenTheGovernmentAsSubject_whenItDecidesAPeriod_thenThatIsTheContributionsPeriod() {
        Mission m = only("De regering heeft besloten tot deelname aan EUFOR voor de periode van 2 december 2004 tot en met "
                + "31 december 2005.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2004, 12, 2));
        assertThat(m.end()).isEqualTo(LocalDate.of(2005, 12, 31));
    }

    @Test
    void givenOnePersonDescribedByAnAdjective_whenSeconded_thenOneIsThePersonnel() {
        Mission m = only("Nieuw is de Nederlandse bijdrage aan EUCAP Somalia. Het kabinet heeft besloten een maritiem-juridisch "
                + "adviseur te detacheren bij het missiehoofdkwartier, voor de periode van september 2025 tot en met augustus 2026.");
        assertThat(m.personnel()).isEqualTo(1);
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2026, 8, 31));
    }

    @Test
    void givenALetterAboutManyMissions_whenOneHasNoArea_thenTheLettersMostNamedCountryIsNotPutOnIt() {
        List<Mission> found = missions("Nederland levert een officier aan EUBAM Libya in Libië. De situatie in Libië en Libië "
                + "blijft zorgelijk. Nederland levert twee experts aan EUMM Georgia en een adviseur aan EUPOL COPPS.");
        assertThat(found).filteredOn(m -> "EUPOL".equals(m.acronym())).singleElement()
                .satisfies(m -> assertThat(m.country()).isNull());
    }

    @Test
    void givenANoToAPartOfAMission_whenRecognised_thenItIsNoNoToTheMissionButPeopleSentToAPartAreSentToIt() {
        Mission unifil = only("Het kabinet draagt bij aan UNIFIL. Nederland levert geen bijdrage aan de Maritime Task Force (MTF) "
                + "van UNIFIL.");
        assertThat(unifil.dutchContribution()).isTrue();
        Mission unmiss = only("Nederland levert vier politiefunctionarissen aan de politiecomponent (UNPOL) van de United Nations "
                + "Mission in South Sudan (UNMISS).");
        assertThat(unmiss.dutchContribution()).isTrue();
        assertThat(unmiss.personnel()).isEqualTo(4);
    }

    @Test
    void givenAnAbbreviationBetweenCueAndMission_whenRecognised_thenTheCueStillLinks() {
        Mission m = only("Nederland levert ca. 60 instructeurs aan de EU Military Assistance Mission in support of Ukraine "
                + "(EUMAM Ukraine).");
        assertThat(m.dutchContribution()).isTrue();
        assertThat(m.personnel()).isEqualTo(60);
        assertThat(m.name()).isEqualTo("EU Military Assistance Mission in support of Ukraine");
    }

    @Test
    void givenAHeadingLineRightAboveTheSentence_whenTheNameIsRead_thenItStartsAfterTheSentencesOpeningWord() {
        Mission m = only("EUAM Ukraine\nDe EU Advisory Mission Ukraine (EUAM Ukraine) adviseert de autoriteiten.");
        assertThat(m.name()).isEqualTo("EU Advisory Mission Ukraine");
    }

    @Test
    void givenTheMissionBeforeTheVerb_whenRecognised_thenTheContributionIsRead() {
        Mission m = only("EUBAM Libya\nAan de EU Integrated Border Management Assistance Mission in Libya (EUBAM Libya) levert "
                + "de KMar een functionaris.");
        assertThat(m.dutchContribution()).isTrue();
    }

    @Test
    void givenPeopleSentToTheSecondMissionOfAList_whenRecognised_thenTheyAreThatMissions() {
        List<Mission> found = missions("Verder leverde Nederland stafofficieren aan EUFOR Althea in Bosnië-Herzegovina en een "
                + "stafofficier aan het hoofdkwartier van de Kosovo Force (KFOR) in Pristina.");
        assertThat(found).extracting(Mission::acronym, Mission::personnel)
                .containsExactly(tuple("EUFOR", null), tuple("KFOR", 1));
    }

    @Test
    void givenACrewAndThenTheTotalContribution_whenRecognised_thenTheTotalIsThePersonnel() {
        Mission m = only("Het kabinet heeft besloten bij te dragen aan Aspides met een fregat. Aan boord bevinden zich circa "
                + "180 bemanningsleden; met het helikopterdetachement bedraagt de totale bijdrage circa 200 militairen.");
        assertThat(m.personnel()).isEqualTo(200);
    }

    @Test
    void givenTakingPartAndParticipation_whenRecognised_thenTheyAreContributions() {
        assertThat(only("Het fregat blijft deelnemen aan de gezamenlijke NAVO/WEU-operatie Sharp Guard in de Adriatische Zee.")
                .dutchContribution()).isTrue();
        assertThat(only("Zo komt een einde aan de Nederlandse deelneming aan UNPROFOR.").dutchContribution()).isTrue();
    }

    @Test
    void givenANegationRightAfterTheMissionsItIsAbout_whenRecognised_thenTheyAreNo() {
        List<Mission> found = missions("Nederland levert aan MINUSCA en MONUSCO geen personele bijdrage, maar steunt beide "
                + "missies politiek.");
        assertThat(found).extracting(Mission::dutchContribution).containsExactly(false, false);
    }

    @Test
    void givenTheMissionReferredToWithAnAdjective_whenPeopleAreSentToIt_thenTheyAreItsPersonnel() {
        Mission m = only("De OVSE-missie in Bosnië-Herzegovina ondersteunt hervormingen. Nederland levert aan deze civiele missie "
                + "twee experts.");
        assertThat(m.dutchContribution()).isTrue();
        assertThat(m.personnel()).isEqualTo(2);
    }

    @Test
    void givenTheMissionFirstWithItsKind_whenTheVerbFollows_thenItIsAContribution() {
        assertThat(only("Aan de civiele rechtsstaatmissie EULEX Kosovo levert Nederland wel een bijdrage.").dutchContribution())
                .isTrue();
    }

    @Test
    void givenTheNationalFrameworksPeriod_whenItNamesNoMission_thenItIsThePeriodOfTheMissionBefore() {
        Mission m = only("Nederland draagt sinds 2004 bij aan de EU-operatie EUFOR Althea. Het nationaal kader loopt van "
                + "1 januari 2025 tot en met 31 december 2025.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void givenAnAfricanUnionMission_whenRecognised_thenItsOrganisationIsAU() {
        Mission m = only("De African Union Support and Stabilization Mission in Somalia (AUSSOM) ontvangt steun.");
        assertThat(m.organisation()).isEqualTo("AU");
    }

    @Test
    void givenAnaphorAfterASentenceWithTwoMissions_whenRecognised_thenItIsNotResolved() {
        List<Mission> found = missions("Nederland draagt bij aan UNIFIL en UNTSO. De bijdrage wordt voortgezet tot en met 31 december 2025.");
        assertThat(found).extracting(Mission::end).containsOnlyNulls();
    }

    @Test
    void givenContributionThatNamesItsOwnTarget_whenRecognised_thenItIsNoAnaphor() {
        Mission m = only("De EU neemt de NAVO-operatie Allied Harmony over. Het kabinet beraadt zich nog op een bijdrage aan "
                + "deze eerste militaire EU-operatie.");
        assertThat(m.dutchContribution()).isFalse();
    }

    @Test
    void givenHeadCountAcrossASemicolonOrANegation_whenRecognised_thenItIsNotTheMissions() {
        assertThat(only("Nederland levert een bijdrage aan KFOR. In februari oefenden ongeveer vijftig militairen in Kosovo; "
                + "deze oefening maakte geen deel uit van de KFOR-bijdrage.").personnel()).isNull();
        assertThat(only("Ongeveer vijftig Nederlandse militairen oefenden in Kosovo, maar maakten geen deel uit van de "
                + "KFOR-bijdrage.").personnel()).isNull();
    }

    @Test
    void givenMandateDateBeforeTheContributionDate_whenRecognised_thenTheContributionsEnd() {
        Mission m = only("Het mandaat van UNIFIL is door de Veiligheidsraad verlengd tot en met 31 augustus 2025. Het kabinet "
                + "heeft besloten de Nederlandse bijdrage van ca. 60 militairen aan UNIFIL te verlengen tot 31\ndecember 2025.");
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(m.personnel()).isEqualTo(60);
    }

    @Test
    void givenPlainTotWithAFullDate_whenRecognised_thenItIsTheEnd() {
        assertThat(only("Het kabinet verlengt de bijdrage aan UNIFIL tot 31 december 2025.").end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(only("Het kabinet breidt de bijdrage aan KFOR uit tot een eenheid van 50 militairen.").end()).isNull();
    }

    @Test
    void givenDurationFromAStartDate_whenRecognised_thenEndIsStartPlusTheDurationMinusADay() {
        Mission aspides = only("Nederland levert voor de duur van een jaar vanaf 1 februari 2025 een fregat aan EUNAVFOR Aspides.");
        assertThat(aspides.start()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(aspides.end()).isEqualTo(LocalDate.of(2026, 1, 31));
        Mission seaGuardian = only("Nederland levert vanaf 1 mei 2025 voor een periode van zes maanden een onderzeeboot aan Sea Guardian.");
        assertThat(seaGuardian.start()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(seaGuardian.end()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(only("Nederland levert voor de duur van twee jaar vanaf 1 januari 2025 trainers aan NMI.").end())
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void givenInAYearAfterAContributionVerb_whenRecognised_thenTheWholeCalendarYear() {
        Mission m = only("Daarnaast levert Nederland in 2025 twaalf militaire waarnemers aan UNTSO.");
        assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(m.personnel()).isEqualTo(12);
        assertThat(only("De uitgaven voor de bijdragen aan UNIFIL in 2025 worden geraamd op € 8,7 miljoen.").start()).isNull();
    }

    @Test
    void givenMorePersonnelNouns_whenRecognised_thenCountsAreRead() {
        assertThat(only("Het kabinet steunt de EU-waarnemersmissie in Georgië (EUMM Georgia), waaraan Nederland met vijf "
                + "monitors bijdraagt.").personnel()).isEqualTo(5);
        assertThat(only("Nederland levert een marechaussee aan EUBAM Rafah.").personnel()).isEqualTo(1);
        assertThat(only("Nederland levert een onderzeeboot met circa 70 bemanningsleden aan Sea Guardian.").personnel()).isEqualTo(70);
    }

    @Test
    void givenAreaInTheMissionsOwnSentence_whenTheGazetteerKnowsNone_thenItBeatsTheLettersMainCountry() {
        Mission m = only("De Raad spreekt over Georgië. In Georgië is de situatie zorgelijk. Het kabinet steunt Georgië.\n\n"
                + "De EU Border Assistance Mission Rafah (EUBAM Rafah) staat klaar om de grensovergang bij Rafah in Gaza "
                + "te monitoren. Nederland levert een marechaussee aan EUBAM Rafah.");
        assertThat(m.country()).isEqualTo("Gaza");
    }

    @Test
    void givenAreaInASentenceAboutTwoMissions_whenRecognised_thenItIsNotTakenForTheOther() {
        Mission eubam = named(missions("Nederland draagt bij aan EUBAM Rafah en aan de EUMM in Georgië."), "EUBAM");
        assertThat(eubam.country()).isNull();
    }
}
