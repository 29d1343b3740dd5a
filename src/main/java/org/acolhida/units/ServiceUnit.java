package org.acolhida.units;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A unit of the network: where a family is received, referred to, sheltered or taught. The code is
 * stable and is what processes, groups ("housing.SOR-CRAS-NORTE") and integrations refer to.
 */
@Table("service_unit")
public class ServiceUnit {

	@Id
	private Long id;

	@Version
	private Integer version;

	private String code;

	private String name;

	private UnitKind kind;

	private String municipality;

	private String country;

	private String timeZone;

	private String address;

	private String contact;

	private boolean active = true;

	@MappedCollection(idColumn = "service_unit")
	private Set<UnitDistrict> districts = Set.of();

	@MappedCollection(idColumn = "service_unit")
	private Set<UnitLanguage> languages = Set.of();

	@MappedCollection(idColumn = "service_unit", keyColumn = "service_unit_key")
	private List<OpeningInterval> openingHours = List.of();

	@MappedCollection(idColumn = "service_unit", keyColumn = "service_unit_key")
	private List<ScheduleException> exceptions = List.of();

	@MappedCollection(idColumn = "service_unit")
	private ShelterFacts shelter;

	@MappedCollection(idColumn = "service_unit")
	private ClassFacts literacyClass;

	@MappedCollection(idColumn = "service_unit")
	private Set<UnitDocumentType> documentTypes = Set.of();

	public Long getId() {
		return id;
	}

	public Integer getVersion() {
		return version;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public UnitKind getKind() {
		return kind;
	}

	public String getMunicipality() {
		return municipality;
	}

	/** ISO 3166 alpha-2 code: BR, IT. */
	public String getCountry() {
		return country;
	}

	public ZoneId getZone() {
		return ZoneId.of(timeZone);
	}

	public String getTimeZone() {
		return timeZone;
	}

	public String getAddress() {
		return address;
	}

	public String getContact() {
		return contact;
	}

	public boolean isActive() {
		return active;
	}

	public Set<String> getDistricts() {
		return districts.stream().map(UnitDistrict::district).collect(Collectors.toCollection(TreeSet::new));
	}

	public Set<String> getLanguages() {
		return languages.stream().map(UnitLanguage::language).collect(Collectors.toCollection(TreeSet::new));
	}

	public List<OpeningInterval> getOpeningHours() {
		return openingHours;
	}

	public List<ScheduleException> getExceptions() {
		return exceptions;
	}

	public ShelterFacts getShelter() {
		return shelter;
	}

	public ClassFacts getLiteracyClass() {
		return literacyClass;
	}

	public Set<DocumentType> getDocumentTypes() {
		return documentTypes.stream().map(d -> DocumentType.valueOf(d.documentType()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	public boolean speaks(String language) {
		return getLanguages().contains(language);
	}

	public OpeningHours hours() {
		return new OpeningHours(getZone(), openingHours, exceptions);
	}

	void setId(Long id) {
		this.id = id;
	}

	void setVersion(Integer version) {
		this.version = version;
	}

	void setCode(String code) {
		this.code = code;
	}

	void setName(String name) {
		this.name = name;
	}

	void setKind(UnitKind kind) {
		this.kind = kind;
	}

	void setMunicipality(String municipality) {
		this.municipality = municipality;
	}

	void setCountry(String country) {
		this.country = country;
	}

	void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	void setAddress(String address) {
		this.address = address;
	}

	void setContact(String contact) {
		this.contact = contact;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	void setDistricts(Set<String> districts) {
		this.districts = districts.stream().map(UnitDistrict::new).collect(Collectors.toSet());
	}

	void setLanguages(Set<String> languages) {
		this.languages = languages.stream().map(UnitLanguage::new).collect(Collectors.toSet());
	}

	void setOpeningHours(List<OpeningInterval> openingHours) {
		this.openingHours = List.copyOf(openingHours);
	}

	void setExceptions(List<ScheduleException> exceptions) {
		this.exceptions = List.copyOf(exceptions);
	}

	void setShelter(ShelterFacts shelter) {
		this.shelter = shelter;
	}

	void setLiteracyClass(ClassFacts literacyClass) {
		this.literacyClass = literacyClass;
	}

	void setDocumentTypes(Set<DocumentType> documentTypes) {
		this.documentTypes = documentTypes.stream().map(d -> new UnitDocumentType(d.name()))
			.collect(Collectors.toSet());
	}

	@Override
	public String toString() {
		return code;
	}

}
