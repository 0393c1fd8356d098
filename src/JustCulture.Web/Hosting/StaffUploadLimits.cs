namespace JustCulture.Web.Hosting;

/// <summary>
/// The staff file is the one upload that grows with the trust: a large trust's 20,000 people fit many times
/// over, and a region's hundreds of thousands still upload here. Only the staff import page and endpoint take
/// bodies this size; every other request keeps the app-wide 5 MB limit. A national file (1.4M people) is
/// imported with <c>justculture staff import</c>, which streams it.
/// </summary>
public static class StaffUploadLimits
{
    /// <summary>The largest staff file accepted, with a clear message above it.</summary>
    public const int MaxFileBytes = 96 * 1024 * 1024;

    /// <summary>The request carrying it: the file plus the form's other fields and multipart framing.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (1024 * 1024);
}
