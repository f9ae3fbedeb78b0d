package io.oktaoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Okta profile of the user: Okta's standard attributes, typed, and custom attributes of any JSON
 * type kept exactly as given.
 */
@PreserveUnknownFields
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OktaUserProfile {

  /**
   * A login: one or more characters, none of them whitespace or {@code /} (Okta can read a user whose
   * login contains {@code /} only by id, so the operator could not find it by login).
   */
  static final String NO_WHITESPACE = "^[^\\s/]+$";
  /** An e-mail address as Okta's default schema accepts it: a local part, {@code @}, and a domain. */
  static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";

  /** Names of Okta's standard profile attributes, in Okta's order. */
  public static final java.util.List<String> STANDARD_ATTRIBUTES =
      java.util.List.of(
          "login",
          "email",
          "firstName",
          "lastName",
          "middleName",
          "honorificPrefix",
          "honorificSuffix",
          "title",
          "displayName",
          "nickName",
          "profileUrl",
          "secondEmail",
          "mobilePhone",
          "primaryPhone",
          "streetAddress",
          "city",
          "state",
          "zipCode",
          "countryCode",
          "postalAddress",
          "preferredLanguage",
          "locale",
          "timezone",
          "userType",
          "employeeNumber",
          "costCenter",
          "organization",
          "division",
          "department",
          "managerId",
          "manager");

  @Required
  @PrinterColumn(name = "Login", priority = 0)
  @Size(min = 5, max = 100)
  @Pattern(NO_WHITESPACE)
  @JsonPropertyDescription("Unique login, usually an e-mail address (5 to 100 characters, no whitespace or /).")
  private String login;

  @Required
  @Size(min = 5, max = 100)
  @Pattern(EMAIL)
  @JsonPropertyDescription("Primary e-mail address.")
  private String email;

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("Given name.")
  private String firstName;

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("Family name.")
  private String lastName;

  private String middleName;

  private String honorificPrefix;

  private String honorificSuffix;

  private String title;

  private String displayName;

  private String nickName;

  private String profileUrl;

  @Size(max = 100)
  @Pattern(EMAIL)
  private String secondEmail;

  @Size(max = 100)
  private String mobilePhone;

  @Size(max = 100)
  private String primaryPhone;

  @Size(max = 1024)
  private String streetAddress;

  @Size(max = 128)
  private String city;

  @Size(max = 128)
  private String state;

  @Size(max = 50)
  private String zipCode;

  @Size(max = 2)
  @Pattern("^[A-Z]{2}$")
  @JsonPropertyDescription("ISO 3166-1 alpha-2 country code, such as US.")
  private String countryCode;

  @Size(max = 4096)
  private String postalAddress;

  private String preferredLanguage;

  @JsonPropertyDescription("Locale such as en_US.")
  private String locale;

  private String timezone;

  private String userType;

  private String employeeNumber;

  private String costCenter;

  private String organization;

  private String division;

  private String department;

  private String managerId;

  private String manager;

  @JsonIgnore private final Map<String, Object> customAttributes = new LinkedHashMap<>();

  /** Custom attributes (those outside Okta's standard set), as given in the manifest. */
  // JsonIgnore keeps the CRD generator from listing the any-getter as a property of its own.
  @JsonIgnore
  @JsonAnyGetter
  public Map<String, Object> getCustomAttributes() {
    return customAttributes;
  }

  @JsonAnySetter
  public void setCustomAttribute(String name, Object value) {
    customAttributes.put(name, value);
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getMiddleName() {
    return middleName;
  }

  public void setMiddleName(String middleName) {
    this.middleName = middleName;
  }

  public String getHonorificPrefix() {
    return honorificPrefix;
  }

  public void setHonorificPrefix(String honorificPrefix) {
    this.honorificPrefix = honorificPrefix;
  }

  public String getHonorificSuffix() {
    return honorificSuffix;
  }

  public void setHonorificSuffix(String honorificSuffix) {
    this.honorificSuffix = honorificSuffix;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getNickName() {
    return nickName;
  }

  public void setNickName(String nickName) {
    this.nickName = nickName;
  }

  public String getProfileUrl() {
    return profileUrl;
  }

  public void setProfileUrl(String profileUrl) {
    this.profileUrl = profileUrl;
  }

  public String getSecondEmail() {
    return secondEmail;
  }

  public void setSecondEmail(String secondEmail) {
    this.secondEmail = secondEmail;
  }

  public String getMobilePhone() {
    return mobilePhone;
  }

  public void setMobilePhone(String mobilePhone) {
    this.mobilePhone = mobilePhone;
  }

  public String getPrimaryPhone() {
    return primaryPhone;
  }

  public void setPrimaryPhone(String primaryPhone) {
    this.primaryPhone = primaryPhone;
  }

  public String getStreetAddress() {
    return streetAddress;
  }

  public void setStreetAddress(String streetAddress) {
    this.streetAddress = streetAddress;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getZipCode() {
    return zipCode;
  }

  public void setZipCode(String zipCode) {
    this.zipCode = zipCode;
  }

  public String getCountryCode() {
    return countryCode;
  }

  public void setCountryCode(String countryCode) {
    this.countryCode = countryCode;
  }

  public String getPostalAddress() {
    return postalAddress;
  }

  public void setPostalAddress(String postalAddress) {
    this.postalAddress = postalAddress;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public void setPreferredLanguage(String preferredLanguage) {
    this.preferredLanguage = preferredLanguage;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public String getUserType() {
    return userType;
  }

  public void setUserType(String userType) {
    this.userType = userType;
  }

  public String getEmployeeNumber() {
    return employeeNumber;
  }

  public void setEmployeeNumber(String employeeNumber) {
    this.employeeNumber = employeeNumber;
  }

  public String getCostCenter() {
    return costCenter;
  }

  public void setCostCenter(String costCenter) {
    this.costCenter = costCenter;
  }

  public String getOrganization() {
    return organization;
  }

  public void setOrganization(String organization) {
    this.organization = organization;
  }

  public String getDivision() {
    return division;
  }

  public void setDivision(String division) {
    this.division = division;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public String getManagerId() {
    return managerId;
  }

  public void setManagerId(String managerId) {
    this.managerId = managerId;
  }

  public String getManager() {
    return manager;
  }

  public void setManager(String manager) {
    this.manager = manager;
  }
}
