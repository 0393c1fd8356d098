using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace JustCulture.Web.Hosting;

/// <summary>
/// How many sign-in attempts (the page's POST and <c>POST /api/auth/login</c>) are let through, per client address and
/// per user ID, in the section <c>JustCulture:SignInLimits</c>. The defaults allow a busy shared address (a ward's
/// terminals behind one proxy) and stop guessing long before Identity's lockout matters.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "JustCulture:SignInLimits";

    /// <summary>Attempts from one client address per window.</summary>
    public int PerAddress { get; set; } = 60;

    public int PerAddressWindowSeconds { get; set; } = 60;

    /// <summary>Attempts for one user ID (known or not, so the limit says nothing about which exist) per window.</summary>
    public int PerAccount { get; set; } = 10;

    public int PerAccountWindowSeconds { get; set; } = 300;

    internal void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(PerAddress), PerAddress), (nameof(PerAddressWindowSeconds), PerAddressWindowSeconds), (nameof(PerAccount), PerAccount), (nameof(PerAccountWindowSeconds), PerAccountWindowSeconds) })
        {
            if (value < 1)
            {
                throw new FormatException($"{Section}:{name} must be a whole number of at least 1, not {value}.");
            }
        }
    }
}

/// <summary>
/// The ASP.NET Core rate limiter on sign-in: per address as endpoint middleware (refused with 429 and Retry-After;
/// problem details for the API, the error page for the form), and per user ID inside the sign-in itself
/// (<see cref="SignInAccountLimiter"/>), since the user ID is only known once the body is read.
/// </summary>
public static class SignInRateLimits
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SignInLimitOptions.Section).Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<SignInAccountLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PerAddress,
                    Window = TimeSpan.FromSeconds(options.PerAddressWindowSeconds),
                    QueueLimit = 0,
                })
                // Showing the sign-in page is not an attempt.
                : RateLimitPartition.GetNoLimiter("not an attempt"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.PerAddressWindowSeconds);
                await TooManyAttemptsAsync(rejected.HttpContext, retryAfter);
            };
        });
        return services;
    }

    /// <summary>
    /// 429 with Retry-After. The API gets problem details; a browser gets the error page (the status code pages
    /// re-execute an empty 429).
    /// </summary>
    public static async Task TooManyAttemptsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        SetRetryAfter(context.Response, retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (ErrorPages.IsApi(context))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts", Detail = TooManyMessage(retryAfter) },
            });
        }
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // On starting as well: re-executing the error page must not lose it.
        response.Headers.RetryAfter = seconds;
        response.OnStarting(() =>
        {
            response.Headers.RetryAfter = seconds;
            return Task.CompletedTask;
        });
    }

    public static string TooManyMessage(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return $"Too many sign-in attempts. Wait {minutes} {(minutes == 1 ? "minute" : "minutes")} and try again.";
    }

    /// <summary>The sign-in endpoints take part with <c>[EnableRateLimiting]</c> or this.</summary>
    public static TBuilder RequireSignInRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(PolicyName);
}

/// <summary>Attempts per user ID (case and surrounding spaces ignored, as sign-in ignores them).</summary>
public sealed class SignInAccountLimiter(SignInLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PerAccount,
            Window = TimeSpan.FromSeconds(options.PerAccountWindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        using var lease = _limiter.AttemptAcquire(userId.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.PerAccountWindowSeconds);
    }

    public void Dispose() => _limiter.Dispose();
}
