package nl.kamerstroom.extract.extraction;

import static org.assertj.core.api.Assertions.assertThat;

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
}
